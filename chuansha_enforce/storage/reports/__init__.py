"""The queries behind the annual figures, 双公示 and the ledger export."""
