"""Storage: the only layer with SQL. Repositories return frozen records."""
