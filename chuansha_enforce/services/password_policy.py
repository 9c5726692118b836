"""The bundled list of the 10,000 most common passwords (``resources/passwords``), read once."""

from __future__ import annotations

import functools

from chuansha_enforce.resource_paths import resources_dir

COMMON_PASSWORDS_FILE = "passwords/common-10k.txt"


@functools.cache
def common_passwords() -> frozenset[str]:
    """The list in lower case (a password is compared ignoring case)."""
    text = (resources_dir() / COMMON_PASSWORDS_FILE).read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip())
