"""People and their roles: what a signed-in user is (maker, retailer, staff) and where they land after login."""
