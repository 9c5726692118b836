"""Fill a .docx template with a document's view-model (docxtpl over python-docx).

docxtpl (LGPL-2.1) is used unmodified as a separate library and only from this module, so it
can be replaced without touching the rest. A template is checked before anything is written:
a variable the view-model does not have is one clear error naming the template and the
variable, never a half-filled document.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import OpcError
from docxtpl import DocxTemplate

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.reports.document_views import DocumentView

_UNDEFINED = re.compile(r"'(?:[^']*)' has no attribute '([^']+)'|'([^']+)' is undefined")
_LEFT_OVER = re.compile(r"\{\{|\}\}|\{%|%\}")
_USED = re.compile(
    r"(?:\{\{-?|\{%-?p?\s*(?:(?:if|elif)\s+(?:not\s+)?|for\s+\w+\s+in\s))\s*([A-Za-z_][\w.]*)"
)
_LOOP = re.compile(r"\{%-?p?\s*for\s+(\w+)\s+in\s+(\w+)")


def _context(view: DocumentView) -> dict[str, Any]:
    return dataclasses.asdict(view)


def _names(value: object) -> set[str]:
    """Every dotted name a context offers (``head.party_name``, ``receipts``)."""
    out: set[str] = set()
    if isinstance(value, Mapping):
        for key, inner in value.items():
            out.add(str(key))
            out.update(f"{key}.{name}" for name in _names(inner))
    return out


def _template_text(doc: DocxTemplate) -> str:
    doc.init_docx()
    return re.sub(r"<[^>]+>", "", doc.patch_xml(doc.get_xml()))


def _used_names(text: str) -> set[str]:
    """Every dotted name of the context the template prints or tests (``head.party_name``,
    ``remedy``, ``r.title`` inside ``for r in receipts``); Jinja's ``loop`` is left out."""
    return {name for name in _USED.findall(text) if name.split(".")[0] != "loop"}


def _loop_names(text: str, context: Mapping[str, Any]) -> set[str]:
    """``r`` and ``r.title`` … for each ``for r in receipts`` over a list of the context."""
    out: set[str] = set()
    for var, listed in _LOOP.findall(text):
        items = context.get(listed)
        out.add(var)
        if isinstance(items, list | tuple) and items and isinstance(items[0], Mapping):
            out.update(f"{var}.{name}" for name in _names(items[0]))
    return out


def render_docx(
    template: Path, view: DocumentView, required: frozenset[str] = frozenset()
) -> bytes:
    """The filled document, or ``DomainError`` naming the template and the bad variable.

    ``required`` names what the template may not leave out (``REQUIRED_FIELDS``)."""
    if not template.is_file():
        raise DomainError(
            "document.template_missing", "document_template", {"template": str(template)}
        )
    context = _context(view)
    try:
        doc = DocxTemplate(str(template))
        env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
        unknown = sorted(doc.get_undeclared_template_variables(jinja_env=env) - set(context))
        if unknown:
            raise _variable_error(template, unknown[0])
        text = _template_text(doc)
        used = _used_names(text)
        known = _names(context) | _loop_names(text, context)
        mistyped = sorted(used - known)
        if mistyped:
            raise _variable_error(template, mistyped[0])
        left_out = sorted(required - used)
        if left_out:
            raise DomainError(
                "document.template_left_out",
                "document_template",
                {"template": str(template), "variable": "、".join(left_out)},
            )
        doc = DocxTemplate(str(template))  # a fresh copy: the check loaded this one
        doc.render(context, jinja_env=env)
        buffer = io.BytesIO()
        doc.save(buffer)
    except jinja2.UndefinedError as exc:
        match = _UNDEFINED.search(str(exc))
        variable = (match.group(1) or match.group(2)) if match else str(exc)
        raise _variable_error(template, variable) from None
    except jinja2.TemplateSyntaxError as exc:
        raise DomainError(
            "document.template_syntax",
            "document_template",
            {"template": str(template), "line": exc.lineno, "reason": exc.message or ""},
        ) from None
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DomainError(
            "document.template_unreadable", "document_template", {"template": str(template)}
        ) from exc
    data = buffer.getvalue()
    _check_filled(template, data)
    return data


def _variable_error(template: Path, variable: str) -> DomainError:
    return DomainError(
        "document.template_variable",
        "document_template",
        {"template": str(template), "variable": variable},
    )


def _check_filled(template: Path, data: bytes) -> None:
    """No placeholder may survive into the document (a split or mistyped tag)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", xml)
    left = _LEFT_OVER.search(text)
    if left is not None:
        snippet = text[max(left.start() - 20, 0) : left.end() + 20]
        raise DomainError(
            "document.template_placeholder",
            "document_template",
            {"template": str(template), "variable": snippet},
        )


def known_names(view: DocumentView) -> frozenset[str]:
    """The names a template for this view-model may use (for the template guide)."""
    return frozenset(_names(_context(view)))
