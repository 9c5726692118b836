"""A general-procedure case: its record, steps, gates, clocks, evidence, service and
discretion (DOMAIN §1, §2, §12, §17)."""
