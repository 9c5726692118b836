"""The audit chain, seals, backups, integrity and the one-writer lock."""
