"""Exceptions: one class per status code of the C API, each carrying the
library's message (what is wrong and where)."""

from __future__ import annotations

from typing import Dict, Type

__all__ = [
    "Error", "InvalidError", "NotFoundError", "ParseError", "PermissionDeniedError",
    "ConflictError", "StorageError", "OutOfMemoryError", "InternalError", "BusyError",
    "ClosedError",
]


class Error(Exception):
    """A failed call: `code` is the C API's CW_E* code, `message` its text."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class InvalidError(Error, ValueError):
    """CW_EINVALID: an argument or input breaks a rule."""


class NotFoundError(Error, LookupError):
    """CW_ENOTFOUND: a named id or file does not exist."""


class ParseError(Error, ValueError):
    """CW_EPARSE: bytes are not a valid encoding of the message."""


class PermissionDeniedError(Error, PermissionError):
    """CW_EPERM: the actor's role does not allow the action."""


class ConflictError(Error):
    """CW_ECONFLICT: the action conflicts with the current state."""


class StorageError(Error, OSError):
    """CW_EIO: reading or writing a file failed."""


class OutOfMemoryError(Error, MemoryError):
    """CW_ENOMEM: the library ran out of memory."""


class InternalError(Error):
    """CW_EINTERNAL: a bug in the library; please report it."""


class BusyError(Error, OSError):
    """CW_EBUSY: another process held the file's lock too long; nothing
    changed, try again."""


class ClosedError(Error, ValueError):
    """A method was called on a handle after close()."""

    def __init__(self, what: str):
        super().__init__(-1, f"{what} is closed")


ERRORS: Dict[int, Type[Error]] = {
    -1: InvalidError, -2: NotFoundError, -3: ParseError, -4: PermissionDeniedError,
    -5: ConflictError, -6: StorageError, -7: OutOfMemoryError, -8: InternalError,
    -9: BusyError,
}
