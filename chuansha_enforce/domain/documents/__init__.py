"""执法文书 and their numbers (DOMAIN §16)."""
