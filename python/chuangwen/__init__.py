"""chuangwen (创文): Python bindings over the library's C API, via ctypes.

    import chuangwen
    with chuangwen.Campaign.from_file("examples/campaign.textproto") as c:
        c.unit_tasks("srk")          # -> dict (the PartyTasks message)
        c.problems()                 # -> list of problem dicts

Answers are the chuangwen.v1 protobuf messages in their JSON mapping, returned
as dicts with the proto field names. Failures raise chuangwen.Error (or a
subclass per code) carrying the library's message.

The shared library is found, in order, at $CHUANGWEN_LIBRARY, where
`cmake --install` put it (recorded next to the installed package), next to this
package in a build tree (build/libchuangwen.so), or by the system loader.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple, Union

__all__ = [
    "Campaign", "Ledger", "Error", "NotFoundError", "ParseError", "InvalidError",
    "PermissionDeniedError", "ConflictError", "import_plan", "link_plans", "rank_arrays",
    "RankWorkspace", "RankIndex",
    "FORMAT_BINARY", "FORMAT_JSON", "FORMAT_TEXT", "version", "library",
]

FORMAT_BINARY = 0
FORMAT_JSON = 1
FORMAT_TEXT = 2
FORMAT_AUTO = 3

_FORMAT_NAMES = {"binary": FORMAT_BINARY, "pb": FORMAT_BINARY, "json": FORMAT_JSON,
                 "text": FORMAT_TEXT, "textproto": FORMAT_TEXT}


class Error(Exception):
    """A failed library call: `code` is the CW_E* code, str() the message."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code


class InvalidError(Error):
    """CW_EINVALID: an argument or input breaks a rule."""


class NotFoundError(Error, LookupError):
    """CW_ENOTFOUND: a named id or file does not exist."""


class ParseError(Error, ValueError):
    """CW_EPARSE: bytes are not a valid encoding."""


class PermissionDeniedError(Error, PermissionError):
    """CW_EPERM: the actor's role does not allow the action."""


class ConflictError(Error):
    """CW_ECONFLICT: the action conflicts with the current state."""


class BusyError(Error):
    """CW_EBUSY: another process held the ledger file's lock too long; nothing changed: retry."""


_ERRORS = {-1: InvalidError, -2: NotFoundError, -3: ParseError, -4: PermissionDeniedError,
           -5: ConflictError, -9: BusyError}


def _candidates() -> List[str]:
    env = os.environ.get("CHUANGWEN_LIBRARY")
    if env:
        return [env]
    here = Path(__file__).resolve().parent
    found = []
    try:  # Written by `cmake --install` next to the installed package.
        from chuangwen._installed import LIBRARY
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


library = _load()

_u8p = ctypes.POINTER(ctypes.c_uint8)
_c = ctypes.c_char_p
_size = ctypes.c_size_t
_handle = ctypes.c_void_p


def _declare(name: str, restype, *argtypes) -> None:
    fn = getattr(library, name)
    fn.restype = restype
    fn.argtypes = list(argtypes)


_declare("cw_last_error_message", _c)
_declare("cw_last_error_code", ctypes.c_int)
_declare("cw_status_str", _c, ctypes.c_int)
_declare("cw_version", _c)
_declare("cw_version_number", ctypes.c_int)
_declare("cw_free", None, ctypes.c_void_p)
_declare("cw_campaign_load", ctypes.c_int, ctypes.POINTER(_handle), _u8p, _size, ctypes.c_int)
_declare("cw_campaign_load_file", ctypes.c_int, ctypes.POINTER(_handle), _c, ctypes.c_int)
_declare("cw_campaign_free", None, _handle)
_declare("cw_campaign_save", ctypes.c_int, _handle, ctypes.c_int,
         ctypes.POINTER(_u8p), ctypes.POINTER(_size))
_declare("cw_campaign_problem_count", ctypes.c_int, _handle, ctypes.POINTER(_size))
_declare("cw_campaign_validate", ctypes.c_int, _handle, ctypes.c_int,
         ctypes.POINTER(_u8p), ctypes.POINTER(_size))
_declare("cw_campaign_unit_tasks", ctypes.c_int, _handle, _c, ctypes.c_int, ctypes.c_int,
         ctypes.POINTER(_u8p), ctypes.POINTER(_size))
_declare("cw_campaign_person_tasks", ctypes.c_int, _handle, _c, ctypes.c_int,
         ctypes.POINTER(_u8p), ctypes.POINTER(_size))
_declare("cw_campaign_task_parties", ctypes.c_int, _handle, _c, ctypes.c_int,
         ctypes.POINTER(_u8p), ctypes.POINTER(_size))
_declare("cw_campaign_load_summary", ctypes.c_int, _handle, ctypes.c_int,
         ctypes.POINTER(_u8p), ctypes.POINTER(_size))
_declare("cw_campaign_gaps", ctypes.c_int, _handle, ctypes.c_int,
         ctypes.POINTER(_u8p), ctypes.POINTER(_size))
_declare("cw_campaign_document_chain", ctypes.c_int, _handle, _c, ctypes.c_int,
         ctypes.POINTER(_u8p), ctypes.POINTER(_size))


_intp = ctypes.POINTER(ctypes.c_int)
_declare("cw_calendar_is_working_day", ctypes.c_int, _handle, _c, ctypes.c_int, _intp, _intp)
_declare("cw_calendar_add_working_days", ctypes.c_int, _handle, _c, ctypes.c_int, ctypes.c_int,
         ctypes.c_char_p, _intp)
_declare("cw_calendar_count_working_days", ctypes.c_int, _handle, _c, _c, ctypes.c_int, _intp,
         _intp)
_declare("cw_campaign_phases_at", ctypes.c_int, _handle, _c, ctypes.c_int,
         ctypes.POINTER(_u8p), ctypes.POINTER(_size))
for _name in ("cw_campaign_agenda", "cw_campaign_status"):
    _declare(_name, ctypes.c_int, _handle, _u8p, _size, ctypes.c_int, ctypes.c_int,
             ctypes.POINTER(_u8p), ctypes.POINTER(_size))
_declare("cw_campaign_agenda_ics", ctypes.c_int, _handle, _u8p, _size, ctypes.c_int, _c,
         ctypes.POINTER(_u8p), ctypes.POINTER(_size))

_dp = ctypes.POINTER(ctypes.c_double)
_i32p = ctypes.POINTER(ctypes.c_int32)
_declare("cw_rank_arrays", ctypes.c_int, _dp, _size, _size, _dp, _u8p, _i32p, ctypes.c_int,
         ctypes.c_int, _i32p, _i32p, _dp)
_declare("cw_rank_arrays_in", ctypes.c_int, _handle, _dp, _size, _size, _dp, _u8p, _i32p,
         ctypes.c_int, ctypes.c_int, _i32p, _i32p, _dp)
_declare("cw_rank_workspace_new", ctypes.c_int, ctypes.POINTER(_handle))
_declare("cw_rank_workspace_free", None, _handle)
_declare("cw_rank_index_build", ctypes.c_int, ctypes.POINTER(_handle), _dp, _size, _u8p, _i32p)
_declare("cw_rank_index_free", None, _handle)
_declare("cw_rank_index_update", ctypes.c_int, _handle, _size, ctypes.c_double, _i32p, _i32p)
_declare("cw_rank_index_rank", ctypes.c_int, _handle, _size, _i32p, _i32p)

for _name in ("cw_campaign_rank",):
    _declare(_name, ctypes.c_int, _handle, _c, _c, ctypes.c_int, ctypes.POINTER(_u8p),
             ctypes.POINTER(_size))
_declare("cw_campaign_explain", ctypes.c_int, _handle, _c, _c, _c, ctypes.c_int,
         ctypes.POINTER(_u8p), ctypes.POINTER(_size))

for _name in ("cw_weights", "cw_rank_robustness"):
    _declare(_name, ctypes.c_int, _u8p, _size, ctypes.c_int, ctypes.c_int,
             ctypes.POINTER(_u8p), ctypes.POINTER(_size))

_declare("cw_assessment_book_open", ctypes.c_int, ctypes.POINTER(_handle), _u8p, _size,
         ctypes.c_int)
_declare("cw_assessment_book_free", None, _handle)
_declare("cw_assessment_book_close", ctypes.c_int, _handle, _handle, _c, _c, _c, _c)
_declare("cw_assessment_book_reopen", ctypes.c_int, _handle, _c, _c, _c, _c, _c)
_declare("cw_assessment_book_frozen", ctypes.c_int, _handle, _c, _c, ctypes.c_int,
         ctypes.POINTER(_u8p), ctypes.POINTER(_size))
_declare("cw_assessment_book_frozen_csv", ctypes.c_int, _handle, _c, _c, ctypes.POINTER(_u8p),
         ctypes.POINTER(_size))
_declare("cw_assessment_book_save", ctypes.c_int, _handle, ctypes.c_int, ctypes.POINTER(_u8p),
         ctypes.POINTER(_size))

CALENDAR_WEEKEND_FALLBACK = 1
_DATE_SIZE = 11


def _check(code: int) -> None:
    if code != 0:
        message = library.cw_last_error_message().decode("utf-8", "replace")
        raise _ERRORS.get(code, Error)(code, message)


def _call_bytes(fn, *args) -> bytes:
    """Calls a cw_ function whose last two parameters are (out, out_size)."""
    out = _u8p()
    size = _size()
    _check(fn(*args, ctypes.byref(out), ctypes.byref(size)))
    try:
        return ctypes.string_at(out, size.value)
    finally:
        library.cw_free(out)


def _id(value: str) -> bytes:
    if not isinstance(value, str):
        raise TypeError(f"id must be str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError("id must not contain NUL")
    return value.encode("utf-8")


def _format(fmt: Union[int, str]) -> int:
    if isinstance(fmt, str):
        try:
            return _FORMAT_NAMES[fmt]
        except KeyError:
            raise ValueError(f"unknown format {fmt!r} (binary, json or text)") from None
    return fmt


def _date(value) -> bytes:
    """Accepts "YYYY-MM-DD" or a datetime.date."""
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"date must be str or datetime.date, not {type(value).__name__}")
    return value.encode("ascii", "replace")


def _request(message: Dict[str, Any]):
    data = json.dumps(message, ensure_ascii=False).encode("utf-8")
    buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    return ctypes.cast(buffer, _u8p), len(data), buffer


class WorkdayAnswer(tuple):
    """(value, used_weekend_fallback)"""


def _is_working_day(handle, date, fallback: bool):
    out, used = ctypes.c_int(), ctypes.c_int()
    _check(library.cw_calendar_is_working_day(handle, _date(date),
                                              CALENDAR_WEEKEND_FALLBACK if fallback else 0,
                                              ctypes.byref(out), ctypes.byref(used)))
    return bool(out.value), bool(used.value)


def _add_working_days(handle, date, n: int, fallback: bool):
    out = ctypes.create_string_buffer(_DATE_SIZE)
    used = ctypes.c_int()
    _check(library.cw_calendar_add_working_days(handle, _date(date), int(n),
                                                CALENDAR_WEEKEND_FALLBACK if fallback else 0,
                                                out, ctypes.byref(used)))
    return out.value.decode(), bool(used.value)


def _count_working_days(handle, first, last, fallback: bool):
    out, used = ctypes.c_int(), ctypes.c_int()
    _check(library.cw_calendar_count_working_days(handle, _date(first), _date(last),
                                                  CALENDAR_WEEKEND_FALLBACK if fallback else 0,
                                                  ctypes.byref(out), ctypes.byref(used)))
    return out.value, bool(used.value)


def is_working_day(date, fallback: bool = False) -> bool:
    """On the shipped national calendar. Dates outside its years raise
    InvalidError unless `fallback` (weekends only) is allowed."""
    return _is_working_day(None, date, fallback)[0]


def add_working_days(date, n: int, fallback: bool = False) -> str:
    """The n-th working day after (n > 0) or before (n < 0) `date`."""
    return _add_working_days(None, date, n, fallback)[0]


def count_working_days(first, last, fallback: bool = False) -> int:
    """Working days from `first` to `last`, both included."""
    return _count_working_days(None, first, last, fallback)[0]


_TIES = {"competition": 0, "dense": 1, "ordinal": 2}


def _as_array(values, typecode: str, length: int, name: str):
    """A buffer of `length` items of `typecode`, shared with `values` when it
    already is one (array.array, a writable memoryview, numpy), else copied."""
    import array
    if values is None:
        return None, None
    ctype = {"d": ctypes.c_double, "B": ctypes.c_uint8, "i": ctypes.c_int32}[typecode]
    try:
        view = memoryview(values)
        if view.format in (typecode, "=" + typecode, "<" + typecode) and view.nbytes == \
                length * ctypes.sizeof(ctype):
            try:
                buffer = (ctype * length).from_buffer(values)
            except (TypeError, ValueError):  # read-only: copy
                buffer = (ctype * length).from_buffer_copy(view)
            return ctypes.cast(buffer, ctypes.POINTER(ctype)), buffer
    except TypeError:
        pass
    copied = array.array(typecode, values)
    if len(copied) != length:
        raise InvalidError(-1, f"{name} has {len(copied)} entries, expected {length}")
    buffer = (ctype * length).from_buffer(copied)
    return ctypes.cast(buffer, ctypes.POINTER(ctype)), (buffer, copied)


def rank_arrays(scores, units: int, indicators: int, weights, vetoed=None, groups=None,
                ties: str = "competition", normalize_weights: bool = False,
                workspace: Optional["RankWorkspace"] = None):
    """Ranks `units` units by the weighted sum of their `indicators` scores.

    `scores` is row-major (unit by unit); buffers of the right type
    (array.array("d"), numpy float64) are used without copying. Returns
    (ranks, group_ranks or None, composites) as array.array objects.
    Rankings repeated on large inputs run several times faster in a kept
    RankWorkspace."""
    import array
    if ties not in _TIES:
        raise ValueError(f"ties must be one of {sorted(_TIES)}")
    s_ptr, s_keep = _as_array(scores, "d", units * indicators, "scores")
    w_ptr, w_keep = _as_array(weights, "d", indicators, "weights")
    v_ptr, v_keep = _as_array(vetoed, "B", units, "vetoed")
    g_ptr, g_keep = _as_array(groups, "i", units, "groups")
    ranks = array.array("i", bytes(4 * units))
    group_ranks = array.array("i", bytes(4 * units)) if groups is not None else None
    composites = array.array("d", bytes(8 * units))
    r_buf = (ctypes.c_int32 * units).from_buffer(ranks) if units else None
    g_buf = (ctypes.c_int32 * units).from_buffer(group_ranks) if units and group_ranks else None
    c_buf = (ctypes.c_double * units).from_buffer(composites) if units else None
    _check(library.cw_rank_arrays_in(
        workspace._handle if workspace is not None else None,
        s_ptr, units, indicators, w_ptr, v_ptr, g_ptr, _TIES[ties],
        1 if normalize_weights else 0,
        ctypes.cast(r_buf, _i32p) if r_buf is not None else (ctypes.c_int32 * 1)(),
        ctypes.cast(g_buf, _i32p) if g_buf is not None else None,
        ctypes.cast(c_buf, _dp) if c_buf is not None else None))
    del r_buf, g_buf, c_buf, s_keep, w_keep, v_keep, g_keep
    return ranks, group_ranks, composites


def _request_call(fn, message: Dict[str, Any]) -> Dict[str, Any]:
    data, size, keep = _request(message)
    return json.loads(_call_bytes(fn, data, size, FORMAT_JSON, FORMAT_JSON).decode("utf-8"))


def ahp_weights(matrix, force: bool = False) -> Dict[str, Any]:
    """AHP weights from an n×n pairwise comparison matrix (list of rows):
    {"weights", "lambda_max", "consistency_index", "consistency_ratio"}."""
    n = len(matrix)
    flat = [float(x) for row in matrix for x in row]
    return _request_call(library.cw_weights,
                         {"ahp": {"size": n, "matrix": flat, "force": bool(force)}})


def entropy_weights(data, units: int, indicators: int):
    """Entropy-method weights of `indicators` columns over `units` rows."""
    answer = _request_call(library.cw_weights, {"entropy": {
        "units": units, "indicators": indicators, "data": [float(x) for x in data]}})
    return answer["weights"]


def rank_robustness(scores, units: int, indicators: int, weights, vetoed=None,
                    trials: int = 200, spread: float = 0.2, seed: int = 1):
    """Each unit's (median, p5, p95) rank under random ±spread weight changes."""
    request = {"units": units, "indicators": indicators,
               "scores": [float(x) for x in scores], "weights": [float(w) for w in weights],
               "trials": trials, "spread": spread, "seed": seed}
    if vetoed is not None:
        request["vetoed"] = [bool(v) for v in vetoed]
    answer = _request_call(library.cw_rank_robustness, request)
    return [(u["median"], u["p5"], u["p95"]) for u in answer["units"]]


def _opt(value: Optional[str]):
    return _id(value) if value else None


class _Owned:
    """Owns one library handle, freed by close() or when collected."""

    _free = None  # Set by subclasses to the cw_*_free function's name.
    _handle = None

    def close(self) -> None:
        if self._handle:
            getattr(library, self._free)(self._handle)
            self._handle = _handle()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone
            pass


class AssessmentBook(_Owned):
    """Closed periods: frozen rankings and the recorded reopenings."""

    _free = "cw_assessment_book_free"

    def __init__(self, saved: Optional[bytes] = None, fmt: Union[int, str] = FORMAT_BINARY):
        self._handle = _handle()
        data = saved or b""
        buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data) if data else None
        _check(library.cw_assessment_book_open(ctypes.byref(self._handle),
                                               ctypes.cast(buffer, _u8p), len(data),
                                               _format(fmt)))

    def close_period(self, campaign: "Campaign", period: str, actor: str, at: str,
                     component: Optional[str] = None) -> None:
        _check(library.cw_assessment_book_close(self._handle, campaign._live(), _id(period),
                                                _opt(component), _id(actor), _id(at)))

    def reopen(self, period: str, actor: str, at: str, reason: str,
               component: Optional[str] = None) -> None:
        _check(library.cw_assessment_book_reopen(self._handle, _id(period), _opt(component),
                                                 _id(actor), _id(at), _id(reason)))

    def frozen(self, period: str, component: Optional[str] = None) -> Dict[str, Any]:
        return json.loads(_call_bytes(library.cw_assessment_book_frozen, self._handle,
                                      _id(period), _opt(component), FORMAT_JSON).decode())

    def frozen_csv(self, period: str, component: Optional[str] = None) -> str:
        return _call_bytes(library.cw_assessment_book_frozen_csv, self._handle, _id(period),
                           _opt(component)).decode("utf-8")

    def save(self, fmt: Union[int, str] = FORMAT_BINARY) -> bytes:
        return _call_bytes(library.cw_assessment_book_save, self._handle, _format(fmt))


_out = (ctypes.POINTER(_u8p), ctypes.POINTER(_size))
_declare("cw_ledger_create", ctypes.c_int, ctypes.POINTER(_handle), _c, _u8p, _size, ctypes.c_int)
_declare("cw_ledger_open", ctypes.c_int, ctypes.POINTER(_handle), _c)
_declare("cw_ledger_open_memory", ctypes.c_int, ctypes.POINTER(_handle), _handle)
_declare("cw_ledger_free", None, _handle)
_declare("cw_ledger_append", ctypes.c_int, _handle, _u8p, _size, ctypes.c_int)
_declare("cw_ledger_replace_campaign", ctypes.c_int, _handle, _u8p, _size, ctypes.c_int, _c)
_declare("cw_ledger_event_count", ctypes.c_int, _handle, ctypes.POINTER(_size))
for _name in ("cw_ledger_item", "cw_ledger_history", "cw_ledger_overdue",
              "cw_ledger_monthly_stats", "cw_ledger_repeated_problems", "cw_ledger_escalations",
              "cw_ledger_reminders", "cw_ledger_points", "cw_ledger_deductions"):
    _declare(_name, ctypes.c_int, _handle, _c, ctypes.c_int, *_out)
_declare("cw_ledger_open_items", ctypes.c_int, _handle, _c, _c, ctypes.c_int, *_out)
_declare("cw_ledger_export", ctypes.c_int, _handle, *_out)
_declare("cw_ledger_append_evidence", ctypes.c_int, _handle, _u8p, _size, ctypes.c_int)
_declare("cw_ledger_append_progress", ctypes.c_int, _handle, _u8p, _size, ctypes.c_int, _c)
_declare("cw_ledger_progress_status", ctypes.c_int, _handle, _u8p, _size, ctypes.c_int,
         ctypes.c_int, *_out)
for _name in ("cw_ledger_evidence_completeness", "cw_ledger_evidence_package"):
    _declare(_name, ctypes.c_int, _handle, _u8p, _size, ctypes.c_int, ctypes.c_int, *_out)
_declare("cw_ledger_evidence_archive", ctypes.c_int, _handle, ctypes.c_int, *_out)
_declare("cw_report", ctypes.c_int, _handle, _handle, _u8p, _size, ctypes.c_int, ctypes.c_int,
         *_out)

_REPORT_KINDS = {"monthly": "MONTHLY_BULLETIN", "notice": "RECTIFICATION_NOTICE",
                 "dossier": "UNIT_DOSSIER"}
_REPORT_FORMATS = {"md": "MARKDOWN", "markdown": "MARKDOWN", "html": "HTML", "csv": "CSV"}


def _report(campaign, ledger, kind: str, fmt: str, **fields) -> Dict[str, Any]:
    request = {"kind": _REPORT_KINDS[kind], "format": _REPORT_FORMATS[fmt]}
    request.update({k: v for k, v in fields.items() if v})
    data = json.dumps(request, ensure_ascii=False).encode("utf-8")
    keep, ptr, size = _bytes_arg(data)
    return json.loads(_call_bytes(library.cw_report, campaign, ledger, ptr, size, FORMAT_JSON,
                                  FORMAT_JSON).decode("utf-8"))
_declare("cw_ledger_import", ctypes.c_int, _handle, _u8p, _size)


def _bytes_arg(data: bytes):
    """(pointer, size) for bytes passed in; the buffer is kept alive by the caller."""
    buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data) if data else None
    return buffer, ctypes.cast(buffer, _u8p), len(data)


def _message_bytes(message: Union[bytes, str, Dict[str, Any]]) -> Tuple[bytes, int]:
    """A request given as a dict (JSON mapping), JSON or protobuf text, or
    binary bytes."""
    if isinstance(message, dict):
        return json.dumps(message, ensure_ascii=False).encode("utf-8"), FORMAT_JSON
    if isinstance(message, str):
        fmt = FORMAT_JSON if message.lstrip().startswith("{") else FORMAT_TEXT
        return message.encode("utf-8"), fmt
    return bytes(message), FORMAT_BINARY


class Ledger(_Owned):
    """The supervision ledger (督查台账): a SQLite file or in memory.

        with chuangwen.Ledger.create("ledger.db", campaign) as ledger:
            ledger.append([{"id": "e1", "item_id": "i1", "actor": "xul", ...}])
            ledger.overdue("2025-10-31")      # -> {"date": ..., "items": [...]}
    """

    _free = "cw_ledger_free"

    def __init__(self, handle: _handle):
        self._handle = handle

    @classmethod
    def create(cls, path: Union[str, os.PathLike], campaign: "Campaign") -> "Ledger":
        """A new ledger file bound to `campaign`; fails if the file exists."""
        data = campaign.save(FORMAT_BINARY)
        keep, ptr, size = _bytes_arg(data)
        handle = _handle()
        _check(library.cw_ledger_create(ctypes.byref(handle), os.fsencode(path), ptr, size,
                                        FORMAT_BINARY))
        return cls(handle)

    @classmethod
    def open(cls, path: Union[str, os.PathLike]) -> "Ledger":
        handle = _handle()
        _check(library.cw_ledger_open(ctypes.byref(handle), os.fsencode(path)))
        return cls(handle)

    @classmethod
    def in_memory(cls, campaign: "Campaign") -> "Ledger":
        handle = _handle()
        _check(library.cw_ledger_open_memory(ctypes.byref(handle), campaign._live()))
        return cls(handle)

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _live(self) -> _handle:
        if not self._handle:
            raise ValueError("ledger is closed")
        return self._handle

    def append(self, events: Union[List[Dict[str, Any]], Dict[str, Any], bytes, str]) -> None:
        """Appends events, all or none: a list of LedgerEvent dicts, a
        LedgerEventBatch dict, its JSON or protobuf text, or its binary
        encoding."""
        if isinstance(events, list):
            events = {"events": events}
        data, fmt = _message_bytes(events)
        keep, ptr, size = _bytes_arg(data)
        _check(library.cw_ledger_append(self._live(), ptr, size, fmt))

    def replace_campaign(self, campaign: "Campaign", reason: str) -> None:
        keep, ptr, size = _bytes_arg(campaign.save(FORMAT_BINARY))
        _check(library.cw_ledger_replace_campaign(self._live(), ptr, size, FORMAT_BINARY,
                                                  _id(reason)))

    def refresh(self) -> None:
        """Folds what other processes wrote to the file since this handle last
        wrote or refreshed (every write does so first by itself)."""
        _check(library.cw_ledger_refresh(self._live()))

    @property
    def event_count(self) -> int:
        n = _size()
        _check(library.cw_ledger_event_count(self._live(), ctypes.byref(n)))
        return n.value

    def _query(self, fn, *args) -> Dict[str, Any]:
        return json.loads(_call_bytes(fn, self._live(), *args, FORMAT_JSON).decode("utf-8"))

    def item(self, item_id: str) -> Dict[str, Any]:
        return self._query(library.cw_ledger_item, _id(item_id))

    def history(self, item_id: str) -> Dict[str, Any]:
        return self._query(library.cw_ledger_history, _id(item_id))

    def open_items(self, date: str, unit: Optional[str] = None) -> Dict[str, Any]:
        return self._query(library.cw_ledger_open_items, _opt(unit), _id(date))

    def overdue(self, date: str) -> Dict[str, Any]:
        return self._query(library.cw_ledger_overdue, _id(date))

    def monthly_stats(self, month: str) -> Dict[str, Any]:
        return self._query(library.cw_ledger_monthly_stats, _id(month))

    def repeated_problems(self, date: str) -> Dict[str, Any]:
        return self._query(library.cw_ledger_repeated_problems, _id(date))

    def escalations(self, date: str) -> Dict[str, Any]:
        return self._query(library.cw_ledger_escalations, _id(date))

    def reminders(self, date: str) -> Dict[str, Any]:
        return self._query(library.cw_ledger_reminders, _id(date))

    def points(self, date: str) -> Dict[str, Any]:
        return self._query(library.cw_ledger_points, _id(date))

    def deductions(self, month: str) -> Dict[str, Any]:
        return self._query(library.cw_ledger_deductions, _id(month))

    def append_evidence(self, events: Union[List[Dict[str, Any]], Dict[str, Any], bytes, str]) -> None:
        """Appends evidence events (submissions, sign-offs, rejections), all or none."""
        if isinstance(events, list):
            events = {"events": events}
        data, fmt = _message_bytes(events)
        keep, ptr, size = _bytes_arg(data)
        _check(library.cw_ledger_append_evidence(self._live(), ptr, size, fmt))

    def append_progress(self, reports: Union[List[Dict[str, Any]], Dict[str, Any], bytes, str],
                        today: Optional[str] = None) -> None:
        """Adds progress reports, all or none (none dated after `today`)."""
        if isinstance(reports, list):
            reports = {"reports": reports}
        data, fmt = _message_bytes(reports)
        keep, ptr, size = _bytes_arg(data)
        _check(library.cw_ledger_append_progress(self._live(), ptr, size, fmt, _opt(today)))

    def progress_status(self, date: str, unit: str = "", behind_only: bool = False) -> Dict[str, Any]:
        return self._request(library.cw_ledger_progress_status,
                             {"date": date, "unit_id": unit, "behind_only": behind_only})

    def _request(self, fn, request: Dict[str, Any]) -> Dict[str, Any]:
        keep, ptr, size = _bytes_arg(json.dumps(request, ensure_ascii=False).encode("utf-8"))
        return json.loads(_call_bytes(fn, self._live(), ptr, size, FORMAT_JSON,
                                      FORMAT_JSON).decode("utf-8"))

    def evidence_completeness(self, date: str, since: str = "", unit: str = "",
                              task: str = "") -> Dict[str, Any]:
        return self._request(library.cw_ledger_evidence_completeness,
                             {"date": date, "from": since, "unit_id": unit, "task_id": task})

    def evidence_archive(self) -> Dict[str, Any]:
        return self._query(library.cw_ledger_evidence_archive)

    def evidence_package(self, indicator: str, month: str, months: int = 12) -> Dict[str, Any]:
        return self._request(library.cw_ledger_evidence_package,
                             {"indicator_id": indicator, "month": month, "months": months})

    def report(self, kind: str, fmt: str = "md", month: str = "", item: str = "",
               unit: str = "", number: str = "", date: str = "",
               templates: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
        """A document ("monthly", "notice" or "dossier") as a ReportDocument
        dict: {"title", "format", "content", "file_name"}."""
        return _report(None, self._live(), kind, fmt, month=month, item_id=item, unit_id=unit,
                       number=number, date=date, templates=templates or {})

    def export(self) -> bytes:
        """The whole log as length-delimited chuangwen.v1.LedgerRecord messages."""
        return _call_bytes(library.cw_ledger_export, self._live())

    def import_log(self, data: bytes) -> None:
        keep, ptr, size = _bytes_arg(data)
        _check(library.cw_ledger_import(self._live(), ptr, size))


_declare("cw_ledger_refresh", ctypes.c_int, _handle)
_declare("cw_ledger_log_create", ctypes.c_int, _u8p, _size, ctypes.c_int, ctypes.c_int,
         ctypes.POINTER(_handle), *_out)
_declare("cw_ledger_log_open", ctypes.c_int, _u8p, _size, ctypes.c_int, ctypes.POINTER(_handle))
_declare("cw_ledger_log_sequence", ctypes.c_int, _handle, ctypes.POINTER(ctypes.c_uint64))
_declare("cw_ledger_log_catch_up", ctypes.c_int, _handle, _u8p, _size, ctypes.c_int)
_declare("cw_ledger_log_prepare", ctypes.c_int, _handle, _u8p, _size, ctypes.c_int, ctypes.c_int,
         *_out)


class LedgerLog(Ledger):
    """A ledger over a log the caller keeps in its own database (OA clusters
    whose application servers share one database, not one file).

    Records are chuangwen.v1.LedgerRecord dicts (JSON mapping), each with a
    "sequence" (a string, as the JSON mapping writes 64-bit numbers). Store
    each under its sequence as the primary key. To write::

        log.catch_up(rows_after(log.sequence))
        records = log.prepare({"events": {"events": [...]}})   # state unchanged
        insert(records)      # one transaction; a duplicate key: catch up, retry
        log.catch_up(records)

    Every query of Ledger works on it; append() and the other writers refuse.
    """

    @classmethod
    def create(cls, campaign: "Campaign") -> Tuple["LedgerLog", List[Dict[str, Any]]]:
        """A new log over `campaign`, and its first record to store."""
        keep, ptr, size = _bytes_arg(campaign.save(FORMAT_BINARY))
        handle = _handle()
        first = _call_bytes(library.cw_ledger_log_create, ptr, size, FORMAT_BINARY, FORMAT_JSON,
                            ctypes.byref(handle))
        return cls(handle), json.loads(first.decode("utf-8"))["records"]

    @classmethod
    def open(cls, records: List[Dict[str, Any]]) -> "LedgerLog":  # type: ignore[override]
        """The ledger folded from a log's records, record 1 first."""
        keep, ptr, size = _bytes_arg(
            json.dumps({"records": records}, ensure_ascii=False).encode("utf-8"))
        handle = _handle()
        _check(library.cw_ledger_log_open(ptr, size, FORMAT_JSON, ctypes.byref(handle)))
        return cls(handle)

    @property
    def sequence(self) -> int:
        """The last record folded."""
        n = ctypes.c_uint64()
        _check(library.cw_ledger_log_sequence(self._live(), ctypes.byref(n)))
        return n.value

    def catch_up(self, records: List[Dict[str, Any]]) -> None:
        """Folds records stored since (those folded already are skipped)."""
        keep, ptr, size = _bytes_arg(
            json.dumps({"records": records}, ensure_ascii=False).encode("utf-8"))
        _check(library.cw_ledger_log_catch_up(self._live(), ptr, size, FORMAT_JSON))

    def prepare(self, append: Dict[str, Any]) -> List[Dict[str, Any]]:
        """The records to store for a chuangwen.v1.LogAppend dict ({"events":
        {...}}, {"evidence": {...}}, {"progress": {...}, "today": ...} or
        {"campaign": {...}, "reason": ...}), checked against the state after
        the ledger's sequence (or "expected_sequence" when given: ConflictError
        when the ledger is elsewhere). The ledger does not change."""
        request = dict(append)
        request.setdefault("expected_sequence", str(self.sequence))
        keep, ptr, size = _bytes_arg(json.dumps(request, ensure_ascii=False).encode("utf-8"))
        answer = json.loads(_call_bytes(library.cw_ledger_log_prepare, self._live(), ptr, size,
                                        FORMAT_JSON, FORMAT_JSON).decode("utf-8"))
        return answer.get("records", [])


_declare("cw_campaign_status_at", ctypes.c_int, _handle, _u8p, _size, ctypes.c_int, ctypes.c_int,
         *_out)
_declare("cw_import_plan", ctypes.c_int, _u8p, _size, _u8p, _size, ctypes.c_int, ctypes.c_int,
         *_out)


def import_plan(text: Union[bytes, str], year: int = 0, encoding: str = "",
                campaign_id: str = "", bare: bool = False) -> Dict[str, Any]:
    """Proposes a campaign from a plan's text (str, or bytes in UTF-8 or
    GB18030): the chuangwen.v1.ImportResult as a dict with "campaign",
    "provenance", "skipped" (every unused line and why), "problems", "notes"
    (people seated, stand-ins, the proposed assessment; bare=True proposes
    none of these)."""
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    options = json.dumps({"year": year, "encoding": encoding,
                          "campaign_id": campaign_id, "bare": bare}).encode("utf-8")
    keep, ptr, size = _bytes_arg(data)
    okeep, optr, osize = _bytes_arg(options)
    return json.loads(_call_bytes(library.cw_import_plan, ptr, size, optr, osize, FORMAT_JSON,
                                  FORMAT_JSON).decode("utf-8"))


_declare("cw_plan_link", ctypes.c_int, _u8p, _size, _u8p, _size, ctypes.c_int, ctypes.c_int,
         *_out)


def link_plans(child: Dict[str, Any], parent: Dict[str, Any]) -> Dict[str, Any]:
    """The cascade (层层分解): copies the parent plan's tasks into the child
    campaign (both chuangwen.v1.Campaign dicts, as import_plan returns them)
    under the document the child cites by the parent's 文号, and links the
    child's tasks to those they implement. Returns the
    chuangwen.v1.CascadeResult as a dict: "campaign", "links",
    "unlinked_task_ids"."""
    ckeep, cptr, csize = _bytes_arg(json.dumps(child, ensure_ascii=False).encode("utf-8"))
    pkeep, pptr, psize = _bytes_arg(json.dumps(parent, ensure_ascii=False).encode("utf-8"))
    return json.loads(_call_bytes(library.cw_plan_link, cptr, csize, pptr, psize, FORMAT_JSON,
                                  FORMAT_JSON).decode("utf-8"))


class RankWorkspace(_Owned):
    """Scratch memory and helper threads kept between rank_arrays calls.

    One ranking at a time per workspace."""

    _free = "cw_rank_workspace_free"

    def __init__(self):
        self._handle = _handle()
        _check(library.cw_rank_workspace_new(ctypes.byref(self._handle)))

    def rank_arrays(self, scores, units: int, indicators: int, weights, vetoed=None,
                    groups=None, ties: str = "competition", normalize_weights: bool = False):
        """rank_arrays() in this workspace."""
        return rank_arrays(scores, units, indicators, weights, vetoed, groups, ties,
                           normalize_weights, workspace=self)


class RankIndex(_Owned):
    """Incremental competition ranks: update one unit, read its new ranks."""

    _free = "cw_rank_index_free"

    def __init__(self, composites, vetoed=None, groups=None):
        units = len(composites)
        c_ptr, c_keep = _as_array(composites, "d", units, "composites")
        v_ptr, v_keep = _as_array(vetoed, "B", units, "vetoed")
        g_ptr, g_keep = _as_array(groups, "i", units, "groups")
        self._handle = _handle()
        _check(library.cw_rank_index_build(ctypes.byref(self._handle), c_ptr, units, v_ptr,
                                           g_ptr))
        self.units = units

    def update(self, unit: int, composite: float):
        """Sets a unit's composite; returns (rank, group_rank)."""
        r, g = ctypes.c_int32(), ctypes.c_int32()
        _check(library.cw_rank_index_update(self._handle, unit, float(composite),
                                            ctypes.byref(r), ctypes.byref(g)))
        return r.value, g.value

    def rank(self, unit: int):
        r, g = ctypes.c_int32(), ctypes.c_int32()
        _check(library.cw_rank_index_rank(self._handle, unit, ctypes.byref(r), ctypes.byref(g)))
        return r.value, g.value


def version() -> str:
    """The loaded library's version, "major.minor.patch"."""
    return library.cw_version().decode()


class Campaign(_Owned):
    """A loaded campaign (chuangwen.v1.Campaign): immutable, thread-safe."""

    _free = "cw_campaign_free"

    def __init__(self, handle: int):
        self._handle = _handle(handle)

    @classmethod
    def from_bytes(cls, data: bytes, fmt: Union[int, str] = FORMAT_BINARY) -> "Campaign":
        buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data) if data else None
        handle = _handle()
        _check(library.cw_campaign_load(ctypes.byref(handle),
                                        ctypes.cast(buffer, _u8p), len(data), _format(fmt)))
        return cls(handle.value)

    @classmethod
    def from_file(cls, path: Union[str, os.PathLike],
                  fmt: Union[int, str] = FORMAT_AUTO) -> "Campaign":
        handle = _handle()
        _check(library.cw_campaign_load_file(ctypes.byref(handle),
                                             os.fsencode(path), _format(fmt)))
        return cls(handle.value)

    @classmethod
    def from_dict(cls, message: Dict[str, Any]) -> "Campaign":
        return cls.from_bytes(json.dumps(message, ensure_ascii=False).encode(), FORMAT_JSON)

    def __enter__(self) -> "Campaign":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _live(self) -> _handle:
        if not self._handle:
            raise Error(-1, "campaign is closed")
        return self._handle

    def _json(self, fn, *args) -> Dict[str, Any]:
        return json.loads(_call_bytes(fn, self._live(), *args, FORMAT_JSON).decode("utf-8"))

    # ---- Whole campaign ----
    def save(self, fmt: Union[int, str] = FORMAT_BINARY) -> bytes:
        """The campaign encoded in `fmt` (lossless)."""
        return _call_bytes(library.cw_campaign_save, self._live(), _format(fmt))

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self.save(FORMAT_JSON).decode("utf-8"))

    def problem_count(self) -> int:
        count = _size()
        _check(library.cw_campaign_problem_count(self._live(), ctypes.byref(count)))
        return count.value

    def problems(self) -> List[Dict[str, Any]]:
        """Every validation problem: dicts with code, message, location, subject_id."""
        return self._json(library.cw_campaign_validate).get("problems", [])

    @property
    def valid(self) -> bool:
        return self.problem_count() == 0

    # ---- Responsibility queries ----
    def unit_tasks(self, unit_id: str, include_child_units: bool = False) -> Dict[str, Any]:
        return self._json(library.cw_campaign_unit_tasks, _id(unit_id),
                          1 if include_child_units else 0)

    def person_tasks(self, person_id: str) -> Dict[str, Any]:
        return self._json(library.cw_campaign_person_tasks, _id(person_id))

    def task_parties(self, task_id: str) -> Dict[str, Any]:
        return self._json(library.cw_campaign_task_parties, _id(task_id))

    def load_summary(self) -> Dict[str, Any]:
        return self._json(library.cw_campaign_load_summary)

    def gaps(self) -> List[Dict[str, Any]]:
        return self._json(library.cw_campaign_gaps).get("gaps", [])

    def document_chain(self, task_id: str) -> List[Dict[str, Any]]:
        return self._json(library.cw_campaign_document_chain, _id(task_id)).get("links", [])

    # ---- Calendar and schedule ----
    def is_working_day(self, date, fallback: bool = False) -> bool:
        """On the campaign's calendar (national plus its own adjustments)."""
        return _is_working_day(self._live(), date, fallback)[0]

    def add_working_days(self, date, n: int, fallback: bool = False) -> str:
        return _add_working_days(self._live(), date, n, fallback)[0]

    def count_working_days(self, first, last, fallback: bool = False) -> int:
        return _count_working_days(self._live(), first, last, fallback)[0]

    def phases_at(self, date) -> List[Dict[str, Any]]:
        return self._json(library.cw_campaign_phases_at, _date(date)).get("phases", [])

    def agenda(self, first, last, unit: Optional[str] = None, person: Optional[str] = None,
               fallback: bool = False) -> Dict[str, Any]:
        """Every deadline from `first` to `last` (an Agenda message as a dict)."""
        data, size, keep = _request(self._agenda_request(first, last, unit, person, fallback))
        return json.loads(_call_bytes(library.cw_campaign_agenda, self._live(), data, size,
                                      FORMAT_JSON, FORMAT_JSON).decode("utf-8"))

    def agenda_ics(self, first, last, unit: Optional[str] = None,
                   person: Optional[str] = None, stamp_utc: Optional[str] = None,
                   fallback: bool = False) -> str:
        """The agenda as an iCalendar (RFC 5545) document."""
        data, size, keep = _request(self._agenda_request(first, last, unit, person, fallback))
        raw = _call_bytes(library.cw_campaign_agenda_ics, self._live(), data, size, FORMAT_JSON,
                          stamp_utc.encode() if stamp_utc else None)
        return raw.decode("utf-8")

    @staticmethod
    def _agenda_request(first, last, unit, person, fallback) -> Dict[str, Any]:
        request = {"from": _date(first).decode(), "to": _date(last).decode(),
                   "weekend_fallback": bool(fallback)}
        if unit:
            request["unit_id"] = unit
        if person:
            request["person_id"] = person
        return request

    def status(self, date, items: List[Dict[str, Any]],
               policy: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """红黄绿灯 of dated items ({"id", "start", "deadline", "done", "series"})."""
        request: Dict[str, Any] = {"date": _date(date).decode(), "items": items}
        if policy is not None:
            request["policy"] = policy
        data, size, keep = _request(request)
        answer = json.loads(_call_bytes(library.cw_campaign_status, self._live(), data, size,
                                        FORMAT_JSON, FORMAT_JSON).decode("utf-8"))
        return answer.get("items", [])

    # ---- Assessment ----
    def rank(self, period: str, component: Optional[str] = None) -> Dict[str, Any]:
        """The RankingTable of a month, quarter or year ("2025-06", "2025-Q2", "2025")."""
        return self._json(library.cw_campaign_rank, _id(period),
                          _id(component) if component else None)

    def explain(self, unit: str, period: str, component: Optional[str] = None) -> Dict[str, Any]:
        return self._json(library.cw_campaign_explain, _id(unit), _id(period),
                          _id(component) if component else None)

    def progress_status(self, date, unit: Optional[str] = None, behind_only: bool = False,
                        phase: Optional[str] = None) -> Dict[str, Any]:
        """Every task with targets at `date`: expected against reported,
        status and colour, most behind first, and unit summaries."""
        request = {"date": _date(date).decode("ascii"), "unit_id": unit or "",
                   "behind_only": behind_only,
                   "phase_id": phase or ""}
        keep, ptr, size = _bytes_arg(json.dumps(request).encode("utf-8"))
        return json.loads(_call_bytes(library.cw_campaign_status_at, self._live(), ptr, size,
                                      FORMAT_JSON, FORMAT_JSON).decode("utf-8"))

    def report(self, kind: str, fmt: str = "md", month: str = "", unit: str = "",
               number: str = "", date: str = "",
               templates: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
        """A document from the campaign alone (no ledger, no evidence)."""
        return _report(self._live(), None, kind, fmt, month=month, unit_id=unit, number=number,
                       date=date, templates=templates or {})

    def query_bytes(self, what: str, *args, fmt: Union[int, str] = FORMAT_BINARY) -> bytes:
        """Raw answer bytes (e.g. protobuf) of one query, by method name."""
        table = {
            "unit_tasks": library.cw_campaign_unit_tasks,
            "person_tasks": library.cw_campaign_person_tasks,
            "task_parties": library.cw_campaign_task_parties,
            "load_summary": library.cw_campaign_load_summary,
            "gaps": library.cw_campaign_gaps,
            "document_chain": library.cw_campaign_document_chain,
            "validate": library.cw_campaign_validate,
        }
        if what not in table:
            raise ValueError(f"unknown query {what!r}")
        encoded = [_id(a) if isinstance(a, str) else int(a) for a in args]
        return _call_bytes(table[what], self._live(), *encoded, _format(fmt))
