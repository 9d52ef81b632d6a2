"""chuangwen (创文): Python bindings over the library's C API, via ctypes.

    import chuangwen
    with chuangwen.Campaign.from_file("examples/campaign.textproto") as c:
        c.unit_tasks("srk")          # -> dict (the PartyTasks message)
        c.problems()                 # -> list of problem dicts

Answers are the chuangwen.v1 protobuf messages in their JSON mapping, returned
as dicts with the proto field names (typed in chuangwen.types). Failures raise
chuangwen.Error (a subclass per code, see chuangwen.errors) carrying the
library's message. Handles are closed by close() or a `with` block; a closed
handle raises ClosedError. Handles the C API calls one-thread-at-a-time
(Ledger, AssessmentBook, RankWorkspace, RankIndex) serialise calls from
several threads; a Campaign is queried from any number at once.

The shared library is found, in order, at $CHUANGWEN_LIBRARY, where
`cmake --install` or the Debian package put it (recorded next to the
installed package), next to this package in a build tree
(build/libchuangwen.so), or by the system loader.
"""

from __future__ import annotations

import ctypes
from typing import Tuple as _Tuple

from ._native import FORMAT_AUTO, FORMAT_BINARY, FORMAT_JSON, FORMAT_TEXT, lib as library
from .assessment import AssessmentBook, ahp_weights, entropy_weights, rank_robustness
from .calendar import add_working_days, count_working_days, is_working_day
from .campaign import Campaign
from .errors import (BusyError, ClosedError, ConflictError, Error, InternalError, InvalidError,
                     NotFoundError, OutOfMemoryError, ParseError, PermissionDeniedError,
                     StorageError)
from .ledger import Ledger, LedgerLog
from .plan import import_plan, link_plans
from .ranking import (RankIndex, Ranking, RankWorkspace, configure_threads, rank_arrays)

__all__ = [
    # Encodings.
    "FORMAT_BINARY", "FORMAT_JSON", "FORMAT_TEXT", "FORMAT_AUTO",
    # Errors.
    "Error", "InvalidError", "NotFoundError", "ParseError", "PermissionDeniedError",
    "ConflictError", "StorageError", "OutOfMemoryError", "InternalError", "BusyError",
    "ClosedError",
    # Campaign, calendar, plans.
    "Campaign", "is_working_day", "add_working_days", "count_working_days",
    "import_plan", "link_plans",
    # Ledger.
    "Ledger", "LedgerLog",
    # Assessment and ranking.
    "AssessmentBook", "ahp_weights", "entropy_weights", "rank_robustness",
    "Ranking", "rank_arrays", "RankWorkspace", "RankIndex", "configure_threads",
    # Version.
    "version", "version_parts", "library",
]


def version() -> str:
    """The loaded library's version, "major.minor.patch"."""
    return library.cw_version().decode()


def version_parts() -> _Tuple[int, int, int]:
    """The loaded library's (major, minor, patch)."""
    parts = [ctypes.c_int() for _ in range(3)]
    library.cw_version_parts(*(ctypes.byref(p) for p in parts))
    return parts[0].value, parts[1].value, parts[2].value
