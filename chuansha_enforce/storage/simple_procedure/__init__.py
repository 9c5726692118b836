"""Simple-procedure decisions and the form stock."""
