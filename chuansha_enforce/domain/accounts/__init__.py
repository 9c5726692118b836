"""Accounts, roles and identity numbers (DOMAIN §6, §9)."""
