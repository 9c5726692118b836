"""The errors a caller of the services must be ready for (re-exported for the UI and the CLI)."""

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.storage.errors import (
    DatabaseNewerError,
    DatabaseNoPermissionError,
    DatabaseReadOnlyError,
    StorageError,
)

__all__ = [
    "DatabaseNewerError",
    "DatabaseNoPermissionError",
    "DatabaseReadOnlyError",
    "DomainError",
    "StorageError",
]
