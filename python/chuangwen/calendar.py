"""China's working-day calendar (with 调休): the shipped national calendar, or
a campaign's (national plus its own adjustments)."""

from __future__ import annotations

import ctypes
from typing import Any, Optional, Tuple

from ._native import CALENDAR_WEEKEND_FALLBACK, DATE_SIZE, check, date_arg, handle_t, lib

__all__ = ["is_working_day", "add_working_days", "count_working_days"]


def _flags(fallback: bool) -> int:
    return CALENDAR_WEEKEND_FALLBACK if fallback else 0


def _is_working_day(handle: Optional[handle_t], date: Any, fallback: bool) -> Tuple[bool, bool]:
    out, used = ctypes.c_int(), ctypes.c_int()
    check(lib.cw_calendar_is_working_day(handle, date_arg(date), _flags(fallback),
                                         ctypes.byref(out), ctypes.byref(used)))
    return bool(out.value), bool(used.value)


def _add_working_days(handle: Optional[handle_t], date: Any, n: int,
                      fallback: bool) -> Tuple[str, bool]:
    out = ctypes.create_string_buffer(DATE_SIZE)
    used = ctypes.c_int()
    check(lib.cw_calendar_add_working_days(handle, date_arg(date), int(n), _flags(fallback),
                                           out, ctypes.byref(used)))
    return out.value.decode(), bool(used.value)


def _count_working_days(handle: Optional[handle_t], first: Any, last: Any,
                        fallback: bool) -> Tuple[int, bool]:
    out, used = ctypes.c_int(), ctypes.c_int()
    check(lib.cw_calendar_count_working_days(handle, date_arg(first), date_arg(last),
                                             _flags(fallback), ctypes.byref(out),
                                             ctypes.byref(used)))
    return out.value, bool(used.value)


def is_working_day(date: Any, fallback: bool = False) -> bool:
    """Whether `date` ("YYYY-MM-DD" or a datetime.date) is a working day on
    the shipped national calendar. Dates outside its years raise
    InvalidError unless `fallback` (weekends only) is allowed."""
    return _is_working_day(None, date, fallback)[0]


def add_working_days(date: Any, n: int, fallback: bool = False) -> str:
    """The n-th working day after (n > 0) or before (n < 0) `date`."""
    return _add_working_days(None, date, n, fallback)[0]


def count_working_days(first: Any, last: Any, fallback: bool = False) -> int:
    """Working days from `first` to `last`, both included."""
    return _count_working_days(None, first, last, fallback)[0]
