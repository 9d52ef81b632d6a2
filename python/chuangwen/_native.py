"""The C API through ctypes: finding and loading libchuangwen, the signature
of every exported function, argument conversion, and the handle base class.
Internal to the package."""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import threading
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

from .errors import ERRORS, ClosedError, Error

FORMAT_BINARY = 0
FORMAT_JSON = 1
FORMAT_TEXT = 2
FORMAT_AUTO = 3
FORMAT_NAMES = {"binary": FORMAT_BINARY, "pb": FORMAT_BINARY, "json": FORMAT_JSON,
                "text": FORMAT_TEXT, "textproto": FORMAT_TEXT, "auto": FORMAT_AUTO}
CALENDAR_WEEKEND_FALLBACK = 1
DATE_SIZE = 11


def _candidates() -> List[str]:
    env = os.environ.get("CHUANGWEN_LIBRARY")
    if env:
        return [env]
    here = Path(__file__).resolve().parent
    found = []
    try:  # Written by `cmake --install` next to the installed package.
        from ._installed import LIBRARY  # type: ignore[import-not-found]
        found.append(LIBRARY)
    except ImportError:
        pass
    for build in ("build", "build-asan"):
        path = here.parent.parent / build / "libchuangwen.so"
        if path.exists():
            found.append(str(path))
    system = ctypes.util.find_library("chuangwen")
    if system:
        found.append(system)
    found.append("libchuangwen.so.0")
    return found


def _load() -> ctypes.CDLL:
    errors = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as e:  # try the next place
            errors.append(f"{path}: {e}")
    raise ImportError("cannot load libchuangwen: " + "; ".join(errors))


lib = _load()

u8p = ctypes.POINTER(ctypes.c_uint8)
dp = ctypes.POINTER(ctypes.c_double)
i32p = ctypes.POINTER(ctypes.c_int32)
intp = ctypes.POINTER(ctypes.c_int)
handle_t = ctypes.c_void_p
_c = ctypes.c_char_p
_i = ctypes.c_int
_size = ctypes.c_size_t
_h = handle_t
_hp = ctypes.POINTER(handle_t)
_out = (ctypes.POINTER(u8p), ctypes.POINTER(_size))
_req = (u8p, _size, _i)  # request bytes, size, format

# Every function cw.h declares: name -> (restype, argtypes). A test checks
# that this table and the header name the same functions.
SIGNATURES: Dict[str, Tuple[Any, Tuple[Any, ...]]] = {
    "cw_last_error_message": (_c, ()),
    "cw_last_error_code": (_i, ()),
    "cw_status_str": (_c, (_i,)),
    "cw_version": (_c, ()),
    "cw_version_number": (_i, ()),
    "cw_version_parts": (None, (intp, intp, intp)),
    "cw_free": (None, (ctypes.c_void_p,)),
    "cw_threads_configure": (_i, (_i, _i)),
    # Campaign.
    "cw_campaign_load": (_i, (u8p, _size, _i, _hp)),
    "cw_campaign_load_file": (_i, (_c, _i, _hp)),
    "cw_campaign_free": (None, (_h,)),
    "cw_campaign_save": (_i, (_h, _i) + _out),
    "cw_campaign_problem_count": (_i, (_h, ctypes.POINTER(_size))),
    "cw_campaign_validate": (_i, (_h, _i) + _out),
    "cw_campaign_unit_tasks": (_i, (_h, _c, _i, _i) + _out),
    "cw_campaign_person_tasks": (_i, (_h, _c, _i) + _out),
    "cw_campaign_task_parties": (_i, (_h, _c, _i) + _out),
    "cw_campaign_workload": (_i, (_h, _i) + _out),
    "cw_campaign_gaps": (_i, (_h, _i) + _out),
    "cw_campaign_document_chain": (_i, (_h, _c, _i) + _out),
    # Calendar and schedule.
    "cw_calendar_is_working_day": (_i, (_h, _c, _i, intp, intp)),
    "cw_calendar_add_working_days": (_i, (_h, _c, _i, _i, _c, intp)),
    "cw_calendar_count_working_days": (_i, (_h, _c, _c, _i, intp, intp)),
    "cw_campaign_phases_at": (_i, (_h, _c, _i) + _out),
    "cw_campaign_agenda": (_i, (_h,) + _req + (_i,) + _out),
    "cw_campaign_agenda_ics": (_i, (_h,) + _req + (_c,) + _out),
    "cw_campaign_status_colors": (_i, (_h,) + _req + (_i,) + _out),
    # Assessment.
    "cw_campaign_rank": (_i, (_h, _c, _c, _i) + _out),
    "cw_campaign_explain": (_i, (_h, _c, _c, _c, _i) + _out),
    "cw_assessment_book_new": (_i, (_hp,)),
    "cw_assessment_book_load": (_i, (u8p, _size, _i, _hp)),
    "cw_assessment_book_free": (None, (_h,)),
    "cw_assessment_book_close_period": (_i, (_h, _h, _c, _c, _c, _c)),
    "cw_assessment_book_reopen_period": (_i, (_h, _c, _c, _c, _c, _c)),
    "cw_assessment_book_frozen_table": (_i, (_h, _c, _c, _i) + _out),
    "cw_assessment_book_frozen_csv": (_i, (_h, _c, _c) + _out),
    "cw_assessment_book_save": (_i, (_h, _i) + _out),
    "cw_weights_derive": (_i, _req + (_i,) + _out),
    "cw_rank_robustness": (_i, _req + (_i,) + _out),
    # Ranking.
    "cw_rank_arrays": (_i, (dp, _size, _size, dp, u8p, i32p, _i, _i, i32p, i32p, dp)),
    "cw_rank_workspace_new": (_i, (_hp,)),
    "cw_rank_workspace_free": (None, (_h,)),
    "cw_rank_workspace_set_threads": (_i, (_h, _i, _i)),
    "cw_rank_arrays_in": (_i, (_h, dp, _size, _size, dp, u8p, i32p, _i, _i, i32p, i32p, dp)),
    "cw_rank_index_new": (_i, (dp, _size, u8p, i32p, _hp)),
    "cw_rank_index_free": (None, (_h,)),
    "cw_rank_index_update": (_i, (_h, _size, ctypes.c_double, i32p, i32p)),
    "cw_rank_index_rank": (_i, (_h, _size, i32p, i32p)),
    # Ledger.
    "cw_ledger_new": (_i, (_h, _c, _hp)),
    "cw_ledger_open": (_i, (_c, _hp)),
    "cw_ledger_free": (None, (_h,)),
    "cw_ledger_append": (_i, (_h,) + _req),
    "cw_ledger_replace_campaign": (_i, (_h,) + _req + (_c,)),
    "cw_ledger_event_count": (_i, (_h, ctypes.POINTER(_size))),
    "cw_ledger_item": (_i, (_h, _c, _i) + _out),
    "cw_ledger_history": (_i, (_h, _c, _i) + _out),
    "cw_ledger_outstanding": (_i, (_h, _c, _c, _i) + _out),
    "cw_ledger_overdue": (_i, (_h, _c, _i) + _out),
    "cw_ledger_monthly_stats": (_i, (_h, _c, _i) + _out),
    "cw_ledger_repeated_problems": (_i, (_h, _c, _i) + _out),
    "cw_ledger_escalations": (_i, (_h, _c, _i) + _out),
    "cw_ledger_reminders": (_i, (_h, _c, _i) + _out),
    "cw_ledger_points": (_i, (_h, _c, _i) + _out),
    "cw_ledger_deductions": (_i, (_h, _c, _i) + _out),
    "cw_ledger_export": (_i, (_h,) + _out),
    "cw_ledger_import": (_i, (_h, u8p, _size)),
    "cw_ledger_append_evidence": (_i, (_h,) + _req),
    "cw_ledger_evidence_completeness": (_i, (_h,) + _req + (_i,) + _out),
    "cw_ledger_evidence_archive": (_i, (_h, _i) + _out),
    "cw_ledger_evidence_package": (_i, (_h,) + _req + (_i,) + _out),
    "cw_report_render": (_i, (_h, _h) + _req + (_i,) + _out),
    "cw_campaign_progress_status": (_i, (_h,) + _req + (_i,) + _out),
    "cw_ledger_append_progress": (_i, (_h,) + _req + (_c,)),
    "cw_ledger_progress_status": (_i, (_h,) + _req + (_i,) + _out),
    "cw_ledger_refresh": (_i, (_h,)),
    "cw_ledger_log_new": (_i, (_h, _i, _hp) + _out),
    "cw_ledger_log_load": (_i, _req + (_hp,)),
    "cw_ledger_log_sequence": (_i, (_h, ctypes.POINTER(ctypes.c_uint64))),
    "cw_ledger_log_catch_up": (_i, (_h,) + _req),
    "cw_ledger_log_prepare": (_i, (_h,) + _req + (_i,) + _out),
    # Plans.
    "cw_plan_import": (_i, (u8p, _size) + _req + (_i,) + _out),
    "cw_plan_link": (_i, (u8p, _size, u8p, _size, _i, _i) + _out),
}

for _name, (_restype, _argtypes) in SIGNATURES.items():
    _fn = getattr(lib, _name)
    _fn.restype = _restype
    _fn.argtypes = list(_argtypes)


def check(code: int) -> None:
    """Raises the Error subclass for a non-zero status code."""
    if code != 0:
        message = lib.cw_last_error_message().decode("utf-8", "replace")
        raise ERRORS.get(code, Error)(code, message)


def call_bytes(fn: Callable[..., int], *args: Any) -> bytes:
    """Calls a cw_ function whose last two parameters are (out, out_size)."""
    out = u8p()
    size = _size()
    check(fn(*args, ctypes.byref(out), ctypes.byref(size)))
    try:
        return ctypes.string_at(out, size.value)
    finally:
        lib.cw_free(out)


def call_json(fn: Callable[..., int], *args: Any) -> Dict[str, Any]:
    """Calls a query whose last three parameters are (format, out, out_size)
    and decodes its JSON answer."""
    return json.loads(call_bytes(fn, *args, FORMAT_JSON).decode("utf-8"))


def id_arg(value: str, name: str = "id") -> bytes:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError(f"{name} must not contain NUL")
    return value.encode("utf-8")


def opt_arg(value: Optional[str], name: str = "id") -> Optional[bytes]:
    return id_arg(value, name) if value else None


def format_arg(fmt: Union[int, str]) -> int:
    if isinstance(fmt, str):
        try:
            return FORMAT_NAMES[fmt]
        except KeyError:
            raise ValueError(f"unknown format {fmt!r} (binary, json or text)") from None
    return int(fmt)


def date_arg(value: Any) -> bytes:
    """Accepts "YYYY-MM-DD" or a datetime.date."""
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"date must be str or datetime.date, not {type(value).__name__}")
    return value.encode("ascii", "replace")


class Bytes:
    """Bytes passed in as (pointer, size); keeps the buffer alive while held."""

    def __init__(self, data: bytes):
        data = bytes(data)
        self._buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data) if data else None
        self.ptr = ctypes.cast(self._buffer, u8p)
        self.size = len(data)


def json_bytes(message: Dict[str, Any]) -> Bytes:
    return Bytes(json.dumps(message, ensure_ascii=False).encode("utf-8"))


def message_arg(message: Union[bytes, str, Dict[str, Any]]) -> Tuple[Bytes, int]:
    """A message given as a dict (JSON mapping), JSON or protobuf text, or
    binary bytes: its bytes and format."""
    if isinstance(message, dict):
        return json_bytes(message), FORMAT_JSON
    if isinstance(message, str):
        fmt = FORMAT_JSON if message.lstrip().startswith("{") else FORMAT_TEXT
        return Bytes(message.encode("utf-8")), fmt
    return Bytes(bytes(message)), FORMAT_BINARY


def request_json(fn: Callable[..., int], *lead: Any, request: Dict[str, Any]) -> Dict[str, Any]:
    """A request → response call: `lead` arguments, then the request in JSON,
    answered in JSON."""
    data = json_bytes(request)
    return json.loads(call_bytes(fn, *lead, data.ptr, data.size, FORMAT_JSON,
                                 FORMAT_JSON).decode("utf-8"))


class Handle:
    """Owns one library handle, freed by close(), on leaving a `with` block,
    or when collected.

    Calls go through `_use()`: on a closed handle every method raises
    ClosedError. Handles the C API calls one-thread-at-a-time
    (`_exclusive = True`) let one call in at a time and make other threads
    wait; thread-safe handles let any number in. close() waits for calls
    in progress to finish."""

    _free: Optional[str] = None  # The cw_*_free function's name.
    _what = "handle"
    _exclusive = True

    def __init__(self, handle: handle_t):
        self._handle = handle
        self._cond = threading.Condition()
        self._users = 0

    def _use(self) -> "_Using":
        return _Using(self)

    def close(self) -> None:
        """Frees the handle; later calls raise ClosedError. Idempotent."""
        cond = getattr(self, "_cond", None)
        if cond is None:  # __init__ did not finish
            return
        with cond:
            cond.wait_for(lambda: self._users == 0)
            if self._handle:
                getattr(lib, self._free)(self._handle)
                self._handle = handle_t()

    @property
    def closed(self) -> bool:
        return not self._handle

    def __enter__(self):
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone
            pass


class _Using:
    def __init__(self, owner: Handle):
        self._owner = owner

    def __enter__(self) -> handle_t:
        o = self._owner
        with o._cond:
            if o._exclusive:
                o._cond.wait_for(lambda: o._users == 0 or not o._handle)
            if not o._handle:
                raise ClosedError(o._what)
            o._users += 1
            return o._handle

    def __exit__(self, *exc: Any) -> None:
        o = self._owner
        with o._cond:
            o._users -= 1
            o._cond.notify_all()
