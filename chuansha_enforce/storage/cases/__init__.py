"""The tables of general-procedure cases, their steps and the case search."""
