"""The command line. ``main`` parses and dispatches; each command group lives in its own module."""

from chuansha_enforce.cli.main import main

__all__ = ["main"]
