"""Reconsiderations and lawsuits (DOMAIN §15)."""
