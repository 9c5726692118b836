"""The 执法台账 ledger format: xlsx/csv read and write."""
