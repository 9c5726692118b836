"""更正: one way to correct any recorded field, with a reason."""
