"""Legal review of major cases: the checklist, who may sign, what is signed (DOMAIN §3)."""
