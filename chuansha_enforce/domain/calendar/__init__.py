"""Working days and the statutory periods (DOMAIN §2)."""
