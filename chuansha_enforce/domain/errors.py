"""Rule violations raised by the core; the message catalogue turns them into sentences."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


class DomainError(Exception):
    """A rule or input violation: ``code`` keys the message catalogue.

    ``field`` names the offending field (a code such as ``"fine"``) when there is one;
    ``params`` fills the message's placeholders.
    """

    def __init__(
        self, code: str, field: str | None = None, params: Mapping[str, object] | None = None
    ) -> None:
        self.code = code
        self.field = field
        self.params: Mapping[str, object] = MappingProxyType(dict(params or {}))
        super().__init__(code, field, dict(self.params))

    def __repr__(self) -> str:
        return f"DomainError({self.code!r}, field={self.field!r}, params={dict(self.params)!r})"
