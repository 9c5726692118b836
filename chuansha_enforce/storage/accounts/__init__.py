"""Accounts and the officer registry."""
