"""The reprint digest: e-mails telling a retailer's members which printed passports are out of date."""
