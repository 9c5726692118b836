"""Deterministic synthetic officers, cases and decisions for the demo and for tests."""
