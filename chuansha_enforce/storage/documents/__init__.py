"""Issued document numbers and the documents made."""
