"""Demolition orders and forced demolition (DOMAIN §13)."""
