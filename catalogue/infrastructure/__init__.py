"""What the site runs on besides its database: the shared cache, and the proxies that say who the client is."""
