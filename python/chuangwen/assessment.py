"""Assessment beyond a campaign's own ranking: frozen periods (AssessmentBook),
derived weights and rank robustness."""

from __future__ import annotations

import ctypes
import json
from typing import TYPE_CHECKING, Any, List, Optional, Sequence, Tuple, Union

from ._native import (FORMAT_BINARY, FORMAT_JSON, Bytes, Handle, call_bytes, check,
                      format_arg, handle_t, id_arg, lib, opt_arg, request_json)
from .types import RankingTable, Weights

if TYPE_CHECKING:
    from .campaign import Campaign

__all__ = ["AssessmentBook", "ahp_weights", "entropy_weights", "rank_robustness"]


class AssessmentBook(Handle):
    """Closed periods: frozen rankings and the recorded reopenings. Calls from
    several threads are serialised."""

    _free = "cw_assessment_book_free"
    _what = "assessment book"

    def __init__(self, saved: Optional[bytes] = None, fmt: Union[int, str] = FORMAT_BINARY):
        """An empty book, or one saved by save()."""
        handle = handle_t()
        if saved is None:
            check(lib.cw_assessment_book_new(ctypes.byref(handle)))
        else:
            data = Bytes(saved)
            check(lib.cw_assessment_book_load(data.ptr, data.size, format_arg(fmt),
                                              ctypes.byref(handle)))
        super().__init__(handle)

    def close_period(self, campaign: "Campaign", period: str, actor: str, at: str,
                     component: Optional[str] = None) -> None:
        """Ranks `period` of `campaign` now and freezes it (ConflictError if
        it is closed already). `at` is an RFC 3339 time."""
        with self._use() as h, campaign._use() as c:
            check(lib.cw_assessment_book_close_period(h, c, id_arg(period, "period"),
                                                      opt_arg(component), id_arg(actor, "actor"),
                                                      id_arg(at, "at")))

    def reopen_period(self, period: str, actor: str, at: str, reason: str,
                      component: Optional[str] = None) -> None:
        """Reopens a closed period, recording who, when and why."""
        with self._use() as h:
            check(lib.cw_assessment_book_reopen_period(h, id_arg(period, "period"),
                                                       opt_arg(component),
                                                       id_arg(actor, "actor"), id_arg(at, "at"),
                                                       id_arg(reason, "reason")))

    def frozen(self, period: str, component: Optional[str] = None) -> RankingTable:
        """The frozen RankingTable of a closed period."""
        with self._use() as h:
            raw = call_bytes(lib.cw_assessment_book_frozen_table, h, id_arg(period, "period"),
                             opt_arg(component), FORMAT_JSON)
        return json.loads(raw.decode("utf-8"))

    def frozen_csv(self, period: str, component: Optional[str] = None) -> str:
        """The frozen table as CSV (CRLF, header row first)."""
        with self._use() as h:
            return call_bytes(lib.cw_assessment_book_frozen_csv, h, id_arg(period, "period"),
                              opt_arg(component)).decode("utf-8")

    def save(self, fmt: Union[int, str] = FORMAT_BINARY) -> bytes:
        """The whole book, to store and load again."""
        with self._use() as h:
            return call_bytes(lib.cw_assessment_book_save, h, format_arg(fmt))


def ahp_weights(matrix: Sequence[Sequence[float]], force: bool = False) -> Weights:
    """AHP weights from an n×n pairwise comparison matrix (a list of rows);
    a consistency ratio >= 0.1 raises InvalidError unless `force`."""
    n = len(matrix)
    flat = [float(x) for row in matrix for x in row]
    return request_json(lib.cw_weights_derive,
                        request={"ahp": {"size": n, "matrix": flat, "force": bool(force)}})


def entropy_weights(data: Sequence[float], units: int, indicators: int) -> List[float]:
    """Entropy-method weights of `indicators` columns over `units` rows
    (row-major data, values >= 0)."""
    answer = request_json(lib.cw_weights_derive, request={"entropy": {
        "units": units, "indicators": indicators, "data": [float(x) for x in data]}})
    return answer["weights"]


def rank_robustness(scores: Sequence[float], units: int, indicators: int,
                    weights: Sequence[float], vetoed: Optional[Sequence[bool]] = None,
                    trials: int = 200, spread: float = 0.2,
                    seed: int = 1) -> List[Tuple[int, int, int]]:
    """Each unit's (median, p5, p95) rank under random ±spread changes of the
    weights (seeded, reproducible)."""
    request: dict = {"units": units, "indicators": indicators,
                     "scores": [float(x) for x in scores],
                     "weights": [float(w) for w in weights],
                     "trials": trials, "spread": spread, "seed": seed}
    if vetoed is not None:
        request["vetoed"] = [bool(v) for v in vetoed]
    answer = request_json(lib.cw_rank_robustness, request=request)
    return [(u.get("median", 0), u.get("p5", 0), u.get("p95", 0)) for u in answer["units"]]
