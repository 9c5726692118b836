"""The corrections log."""
