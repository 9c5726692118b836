"""One line of CLI output, its sentence taken from the message catalogue."""

from __future__ import annotations

from typing import TextIO

from chuansha_enforce.domain.messages import Lang, render


def say(out: TextIO, lang: Lang, code: str, **params: object) -> None:
    """Print the catalogue's sentence ``code`` in ``lang`` with ``params`` filled in."""
    print(render(code, params, lang), file=out)
