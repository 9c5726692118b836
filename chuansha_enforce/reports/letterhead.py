"""What every page of every report shows at its top and foot (no reportlab here, so the
services can build view-models without loading the PDF library at start-up)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Letterhead:
    """What every page shows: who issues it, when it was generated, the audit-chain head."""

    organisation: str
    squad: str
    title: str
    generated_at: str
    audit_head: str
