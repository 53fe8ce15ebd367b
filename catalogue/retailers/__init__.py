"""The retailer workspace: assortments, printing and the reprint-needed list."""
