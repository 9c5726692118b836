"""The errors a caller of the services must be ready for (re-exported for the UI)."""

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.storage.errors import DatabaseNewerError, StorageError

__all__ = ["DatabaseNewerError", "DomainError", "StorageError"]
