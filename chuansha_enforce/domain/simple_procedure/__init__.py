"""Simple-procedure decisions and what follows them (DOMAIN §1, §14)."""
