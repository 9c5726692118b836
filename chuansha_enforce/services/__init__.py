"""Use cases: one public method = one transaction, returning its result and what changed."""
