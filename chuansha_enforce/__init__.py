"""chuansha-enforce: the headless core of the squad's case book (no Qt here)."""

__version__ = "0.1.0"
