"""Backups and where the database file lives (DOMAIN §10)."""
