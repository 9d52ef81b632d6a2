"""Ranking over plain arrays: the zero-copy fast path, kept workspaces, the
incremental index, and the library's threads.

Inputs may be numpy arrays, array.array objects or sequences. numpy arrays
of the right type (float64, uint8 or bool, int32; C order) are used without
copying; float32, other integer types and Fortran-order arrays are
converted. Outputs can be given with `out=` so that a repeated ranking
allocates nothing."""

from __future__ import annotations

import array
import ctypes
from typing import Any, NamedTuple, Optional, Tuple

from ._native import Handle, check, dp, handle_t, i32p, lib, u8p
from .errors import InvalidError

__all__ = ["Ranking", "rank_arrays", "RankWorkspace", "RankIndex", "configure_threads",
           "TIES"]

TIES = {"competition": 0, "dense": 1, "ordinal": 2}
_CTYPES = {"d": ctypes.c_double, "B": ctypes.c_uint8, "i": ctypes.c_int32}
_NUMPY_DTYPES = {"d": "float64", "B": "uint8", "i": "int32"}


class Ranking(NamedTuple):
    """The answer of rank_arrays: 1-based overall ranks, group ranks (None
    without groups) and composites, one entry per unit."""

    ranks: Any
    group_ranks: Any
    composites: Any


def _numpy(values: Any) -> Any:
    """The numpy module when `values` is a numpy array, else None."""
    module = type(values).__module__
    if module == "numpy" or module.startswith("numpy."):
        import numpy
        return numpy
    return None


def _input(values: Any, code: str, length: Optional[int], name: str) -> Tuple[Any, Any, int]:
    """(pointer, keep-alive, length) for an input array of C type `code`."""
    if values is None:
        return None, None, 0
    np = _numpy(values)
    if np is not None:
        if code == "B" and values.dtype == np.bool_:
            values = values.view(np.uint8)
        arr = np.ascontiguousarray(values, dtype=_NUMPY_DTYPES[code])
        n = arr.size
        if length is not None and n != length:
            raise InvalidError(-1, f"{name} has {n} entries, expected {length}")
        return arr.ctypes.data_as(ctypes.POINTER(_CTYPES[code])), arr, n
    try:
        view = memoryview(values)
        if view.format in (code, "=" + code, "<" + code) and view.c_contiguous:
            n = view.nbytes // ctypes.sizeof(_CTYPES[code])
            if length is not None and n != length:
                raise InvalidError(-1, f"{name} has {n} entries, expected {length}")
            try:
                buffer = (_CTYPES[code] * n).from_buffer(values)
            except (TypeError, ValueError):  # read-only: copy
                buffer = (_CTYPES[code] * n).from_buffer_copy(view)
            return ctypes.cast(buffer, ctypes.POINTER(_CTYPES[code])), buffer, n
    except TypeError:
        pass
    copied = array.array(code, values)
    if length is not None and len(copied) != length:
        raise InvalidError(-1, f"{name} has {len(copied)} entries, expected {length}")
    if not copied:
        return None, copied, 0
    buffer = (_CTYPES[code] * len(copied)).from_buffer(copied)
    return ctypes.cast(buffer, ctypes.POINTER(_CTYPES[code])), (buffer, copied), len(copied)


def _output(values: Any, code: str, length: int, name: str) -> Tuple[Any, Any]:
    """(pointer, keep-alive) for a caller's output array, refused unless it is
    writable, C-contiguous, of the right type and exactly `length` long."""
    np = _numpy(values)
    if np is not None:
        if values.dtype != np.dtype(_NUMPY_DTYPES[code]):
            raise TypeError(f"out {name} must be a {_NUMPY_DTYPES[code]} array, "
                            f"not {values.dtype}")
        if not values.flags.c_contiguous or not values.flags.writeable:
            raise TypeError(f"out {name} must be writable and C-contiguous")
        if values.size != length:
            raise InvalidError(-1, f"out {name} has {values.size} entries, expected {length}")
        return values.ctypes.data_as(ctypes.POINTER(_CTYPES[code])), values
    view = memoryview(values)
    if view.format not in (code, "=" + code, "<" + code) or view.readonly \
            or not view.c_contiguous:
        raise TypeError(f"out {name} must be a writable array of type code {code!r}")
    if view.nbytes != length * ctypes.sizeof(_CTYPES[code]):
        raise InvalidError(-1, f"out {name} has {view.nbytes // ctypes.sizeof(_CTYPES[code])} "
                               f"entries, expected {length}")
    if length == 0:
        return None, None
    buffer = (_CTYPES[code] * length).from_buffer(values)
    return ctypes.cast(buffer, ctypes.POINTER(_CTYPES[code])), buffer


def _new_output(like_numpy: Any, code: str, length: int) -> Any:
    if like_numpy is not None:
        return like_numpy.empty(length, dtype=_NUMPY_DTYPES[code])
    return array.array(code, bytes(length * ctypes.sizeof(_CTYPES[code])))


def rank_arrays(scores: Any, weights: Any, vetoed: Any = None, groups: Any = None, *,
                units: Optional[int] = None, ties: str = "competition",
                normalize_weights: bool = False, workspace: Optional["RankWorkspace"] = None,
                out: Optional[Tuple[Any, Any, Any]] = None) -> Ranking:
    """Ranks units by the weighted sum of their scores.

    `scores` is units × indicators: a 2-D numpy array (its shape gives both),
    or a flat row-major sequence of len(weights) scores per unit. `vetoed`
    (bool or uint8, non-zero: ranked last) and `groups` (ids >= 0) have one
    entry per unit. Returns a Ranking of numpy arrays when `scores` is one,
    else of array.array objects. `out=(ranks, group_ranks, composites)`
    writes into the caller's arrays (int32, int32 or None, float64 or None)
    and returns them. Repeated rankings of large inputs run several times
    faster in a kept RankWorkspace."""
    if ties not in TIES:
        raise ValueError(f"ties must be one of {sorted(TIES)}, not {ties!r}")
    w_ptr, w_keep, indicators = _input(weights, "d", None, "weights")
    np = _numpy(scores)
    if np is not None and getattr(scores, "ndim", 1) == 2:
        if scores.shape[1] != indicators:
            raise InvalidError(-1, f"scores has {scores.shape[1]} columns, "
                                   f"weights {indicators} entries")
        n = scores.shape[0]
    else:
        size = len(scores)
        if indicators == 0:
            n = units if units is not None else 0
        elif size % indicators != 0:
            raise InvalidError(-1, f"scores has {size} entries, not a multiple of "
                                   f"{indicators} indicators")
        else:
            n = size // indicators
    if units is not None and units != n:
        raise InvalidError(-1, f"units is {units} but scores hold {n} units")
    s_ptr, s_keep, _ = _input(scores, "d", n * indicators, "scores")
    v_ptr, v_keep, _ = _input(vetoed, "B", n, "vetoed")
    g_ptr, g_keep, _ = _input(groups, "i", n, "groups")
    if out is not None:
        ranks, group_ranks, composites = out
        if group_ranks is not None and groups is None:
            raise InvalidError(-1, "out group_ranks needs groups")
    else:
        ranks = _new_output(np, "i", n)
        group_ranks = _new_output(np, "i", n) if groups is not None else None
        composites = _new_output(np, "d", n)
    r_ptr, r_keep = _output(ranks, "i", n, "ranks")
    gr_ptr, gr_keep = (None, None) if group_ranks is None else \
        _output(group_ranks, "i", n, "group_ranks")
    c_ptr, c_keep = (None, None) if composites is None else \
        _output(composites, "d", n, "composites")
    if r_ptr is None:
        r_ptr = (ctypes.c_int32 * 1)()
    if workspace is not None:
        with workspace._use() as ws:
            code = lib.cw_rank_arrays_in(ws, s_ptr, n, indicators, w_ptr, v_ptr, g_ptr,
                                         TIES[ties], 1 if normalize_weights else 0,
                                         r_ptr, gr_ptr, c_ptr)
    else:
        code = lib.cw_rank_arrays(s_ptr, n, indicators, w_ptr, v_ptr, g_ptr, TIES[ties],
                                  1 if normalize_weights else 0, r_ptr, gr_ptr, c_ptr)
    check(code)
    del s_keep, w_keep, v_keep, g_keep, r_keep, gr_keep, c_keep
    return Ranking(ranks, group_ranks, composites)


def configure_threads(threads: int = 0, spin_microseconds: int = -1) -> None:
    """Process-wide default for rankings: at most `threads` threads (0: the
    library decides, two from 2^22 units; 1: the calling thread only; 2 or
    more: two from 2^16 units). `spin_microseconds` is checked (>= -1) and
    otherwise ignored. Only ranking starts threads: one helper for the
    length of a call."""
    check(lib.cw_threads_configure(int(threads), int(spin_microseconds)))


class RankWorkspace(Handle):
    """Scratch memory kept between rankings (repeated rankings skip the page
    faults of fresh memory). One ranking at a time: calls from other threads
    wait."""

    _free = "cw_rank_workspace_free"
    _what = "rank workspace"

    def __init__(self, threads: int = 0, spin_microseconds: int = -1):
        handle = handle_t()
        check(lib.cw_rank_workspace_new(ctypes.byref(handle)))
        super().__init__(handle)
        if threads or spin_microseconds != -1:
            self.set_threads(threads, spin_microseconds)

    def set_threads(self, threads: int = 0, spin_microseconds: int = -1) -> None:
        """This workspace's thread count (see configure_threads)."""
        with self._use() as h:
            check(lib.cw_rank_workspace_set_threads(h, int(threads), int(spin_microseconds)))

    def rank_arrays(self, scores: Any, weights: Any, vetoed: Any = None, groups: Any = None,
                    **options: Any) -> Ranking:
        """rank_arrays() in this workspace."""
        return rank_arrays(scores, weights, vetoed, groups, workspace=self, **options)


class RankIndex(Handle):
    """Incremental competition ranks: update one unit, read its new ranks.
    Updates and queries are serialised across threads."""

    _free = "cw_rank_index_free"
    _what = "rank index"

    def __init__(self, composites: Any, vetoed: Any = None, groups: Any = None):
        c_ptr, c_keep, n = _input(composites, "d", None, "composites")
        v_ptr, v_keep, _ = _input(vetoed, "B", n, "vetoed")
        g_ptr, g_keep, _ = _input(groups, "i", n, "groups")
        handle = handle_t()
        check(lib.cw_rank_index_new(c_ptr, n, v_ptr, g_ptr, ctypes.byref(handle)))
        super().__init__(handle)
        self.units = n

    def update(self, unit: int, composite: float) -> Tuple[int, int]:
        """Sets a unit's composite; returns its (rank, group_rank)."""
        r, g = ctypes.c_int32(), ctypes.c_int32()
        with self._use() as h:
            check(lib.cw_rank_index_update(h, int(unit), float(composite), ctypes.byref(r),
                                           ctypes.byref(g)))
        return r.value, g.value

    def rank(self, unit: int) -> Tuple[int, int]:
        """A unit's current (rank, group_rank)."""
        r, g = ctypes.c_int32(), ctypes.c_int32()
        with self._use() as h:
            check(lib.cw_rank_index_rank(h, int(unit), ctypes.byref(r), ctypes.byref(g)))
        return r.value, g.value
