"""The staff review queue of evidence: decisions, the maker's mail, and passports a decision made out of date."""
