"""Text entered is held to the length its field takes (``domain.text_limits``), at the
service every input passes — the window's forms, the command line — before anything is
written. Rows already stored are read as they are: only a writing method's inputs are
checked."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar, cast

from chuansha_enforce.domain.text_limits import check_entered

F = TypeVar("F", bound=Callable[..., Any])


def held_to_length(method: F) -> F:
    """``method`` refusing (``value.too_long``, naming the field) any text argument, or text
    in a record argument, longer than its field takes, before it runs."""
    signature = inspect.signature(method)

    @functools.wraps(method)
    def checked(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        check_entered((k, v) for k, v in bound.arguments.items() if k != "self")
        return method(*args, **kwargs)

    return cast(F, checked)
