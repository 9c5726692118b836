"""Case-file review: sampling and scoring (DOMAIN §4)."""
