"""The PostgreSQL server mode: a thin dialect layer under the same repositories (docs/SERVER.md)."""
