"""A loaded campaign (chuangwen.v1.Campaign) and its queries:
responsibilities, calendar, schedule, assessment, progress, documents."""

from __future__ import annotations

import base64
import ctypes
import json
import os
from typing import Any, Dict, List, Optional, Union

from . import calendar as _calendar
from ._native import (FORMAT_AUTO, FORMAT_BINARY, FORMAT_JSON, Bytes, Handle, call_bytes,
                      call_json, check, date_arg, format_arg, handle_t, id_arg, json_bytes, lib,
                      opt_arg, request_json)
from .types import (Agenda, CampaignStatus, Explanation, PartyTasks, Problem, RankingTable,
                    ReportDocument, TaskParties)

__all__ = ["Campaign"]

_REPORT_KINDS = {"monthly": "MONTHLY_BULLETIN", "notice": "RECTIFICATION_NOTICE",
                 "dossier": "UNIT_DOSSIER"}
_REPORT_FORMATS = {"md": "MARKDOWN", "markdown": "MARKDOWN", "html": "HTML", "csv": "CSV",
                   "docx": "DOCX", "pdf": "PDF"}
# The 公文 frame's fields (GB/T 9704) a report() call may give.
REPORT_FRAME_FIELDS = ("issuer", "signer", "recipients", "copied_to", "printer", "print_date",
                       "note", "attachments", "receipt", "issue_date")


def render_report(campaign: Optional[handle_t], ledger: Optional[handle_t], kind: str,
                  fmt: str, **fields: Any) -> ReportDocument:
    """A document from a campaign or ledger handle (internal)."""
    if kind not in _REPORT_KINDS:
        raise ValueError(f"kind must be one of {sorted(_REPORT_KINDS)}, not {kind!r}")
    if fmt not in _REPORT_FORMATS:
        raise ValueError(f"fmt must be one of {sorted(_REPORT_FORMATS)}, not {fmt!r}")
    request = {"kind": _REPORT_KINDS[kind], "format": _REPORT_FORMATS[fmt]}
    request.update({k: v for k, v in fields.items() if v})
    document = request_json(lib.cw_report_render, campaign, ledger, request=request)
    # DOCX and PDF come as bytes (base64 in the JSON mapping).
    if "binary" in document:
        document["binary"] = base64.b64decode(document["binary"])
    return document


def _frame(frame: Dict[str, Any]) -> Dict[str, Any]:
    unknown = set(frame) - set(REPORT_FRAME_FIELDS)
    if unknown:
        raise TypeError(f"unknown report fields {sorted(unknown)}; "
                        f"known: {', '.join(REPORT_FRAME_FIELDS)}")
    return frame


class Campaign(Handle):
    """A loaded campaign: immutable; any number of threads may query it at
    once. Queries answer the chuangwen.v1 messages as dicts (JSON mapping)."""

    _free = "cw_campaign_free"
    _what = "campaign"
    _exclusive = False

    @classmethod
    def from_bytes(cls, data: bytes, fmt: Union[int, str] = FORMAT_BINARY) -> "Campaign":
        """Decodes a campaign from bytes in `fmt` ("binary", "json", "text")."""
        buffer = Bytes(data)
        handle = handle_t()
        check(lib.cw_campaign_load(buffer.ptr, buffer.size, format_arg(fmt),
                                   ctypes.byref(handle)))
        return cls(handle)

    @classmethod
    def from_file(cls, path: Union[str, os.PathLike],
                  fmt: Union[int, str] = FORMAT_AUTO) -> "Campaign":
        """Reads a campaign file (format from the extension by default)."""
        handle = handle_t()
        check(lib.cw_campaign_load_file(os.fsencode(path), format_arg(fmt),
                                        ctypes.byref(handle)))
        return cls(handle)

    @classmethod
    def from_dict(cls, message: Dict[str, Any]) -> "Campaign":
        """A campaign from its JSON mapping as a dict."""
        return cls.from_bytes(json.dumps(message, ensure_ascii=False).encode(), FORMAT_JSON)

    def _json(self, fn: Any, *args: Any) -> Dict[str, Any]:
        with self._use() as h:
            return call_json(fn, h, *args)

    def _request(self, fn: Any, request: Dict[str, Any]) -> Dict[str, Any]:
        with self._use() as h:
            return request_json(fn, h, request=request)

    # ---- Whole campaign ----
    def save(self, fmt: Union[int, str] = FORMAT_BINARY) -> bytes:
        """The campaign encoded in `fmt` (lossless)."""
        with self._use() as h:
            return call_bytes(lib.cw_campaign_save, h, format_arg(fmt))

    def to_dict(self) -> Dict[str, Any]:
        """The campaign's JSON mapping as a dict."""
        return json.loads(self.save(FORMAT_JSON).decode("utf-8"))

    def problem_count(self) -> int:
        """The number of validation problems (0: valid)."""
        count = ctypes.c_size_t()
        with self._use() as h:
            check(lib.cw_campaign_problem_count(h, ctypes.byref(count)))
        return count.value

    def problems(self) -> List[Problem]:
        """Every validation problem."""
        return self._json(lib.cw_campaign_validate).get("problems", [])

    @property
    def valid(self) -> bool:
        """Whether the campaign has no validation problems."""
        return self.problem_count() == 0

    # ---- Responsibility queries ----
    def unit_tasks(self, unit_id: str, include_child_units: bool = False) -> PartyTasks:
        """Every task the unit leads, is responsible for or assists."""
        return self._json(lib.cw_campaign_unit_tasks, id_arg(unit_id, "unit_id"),
                          1 if include_child_units else 0)

    def person_tasks(self, person_id: str) -> PartyTasks:
        """Every task the person is assigned to."""
        return self._json(lib.cw_campaign_person_tasks, id_arg(person_id, "person_id"))

    def task_parties(self, task_id: str) -> TaskParties:
        """Everyone involved in the task and their role."""
        return self._json(lib.cw_campaign_task_parties, id_arg(task_id, "task_id"))

    def workload(self) -> Dict[str, Any]:
        """Task counts by role for every unit and person (LoadSummary)."""
        return self._json(lib.cw_campaign_workload)

    def gaps(self) -> List[Dict[str, Any]]:
        """Leaf tasks with no lead leader or no responsible unit."""
        return self._json(lib.cw_campaign_gaps).get("gaps", [])

    def document_chain(self, task_id: str) -> List[Dict[str, Any]]:
        """The documents the task descends from, nearest first."""
        return self._json(lib.cw_campaign_document_chain,
                          id_arg(task_id, "task_id")).get("links", [])

    # ---- Calendar and schedule ----
    def is_working_day(self, date: Any, fallback: bool = False) -> bool:
        """On the campaign's calendar (national plus its own adjustments)."""
        with self._use() as h:
            return _calendar._is_working_day(h, date, fallback)[0]

    def add_working_days(self, date: Any, n: int, fallback: bool = False) -> str:
        """The n-th working day after (n > 0) or before (n < 0) `date`."""
        with self._use() as h:
            return _calendar._add_working_days(h, date, n, fallback)[0]

    def count_working_days(self, first: Any, last: Any, fallback: bool = False) -> int:
        """Working days from `first` to `last`, both included."""
        with self._use() as h:
            return _calendar._count_working_days(h, first, last, fallback)[0]

    def phases_at(self, date: Any) -> List[Dict[str, Any]]:
        """The phases containing `date`."""
        return self._json(lib.cw_campaign_phases_at, date_arg(date)).get("phases", [])

    def agenda(self, first: Any, last: Any, unit: Optional[str] = None,
               person: Optional[str] = None, fallback: bool = False) -> Agenda:
        """Every deadline from `first` to `last`."""
        return self._request(lib.cw_campaign_agenda,
                             _agenda_request(first, last, unit, person, fallback))

    def agenda_ics(self, first: Any, last: Any, unit: Optional[str] = None,
                   person: Optional[str] = None, stamp_utc: Optional[str] = None,
                   fallback: bool = False) -> str:
        """The agenda as an iCalendar (RFC 5545) document."""
        data = json_bytes(_agenda_request(first, last, unit, person, fallback))
        with self._use() as h:
            raw = call_bytes(lib.cw_campaign_agenda_ics, h, data.ptr, data.size, FORMAT_JSON,
                             stamp_utc.encode() if stamp_utc else None)
        return raw.decode("utf-8")

    def status_colors(self, date: Any, items: List[Dict[str, Any]],
                      policy: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """红黄绿灯 of dated items ({"id", "start", "deadline", "done",
        "series"}): each item's id, color ("GREEN", "YELLOW", "RED",
        "DONE_ON_TIME", "DONE_LATE") and working days left or late."""
        request: Dict[str, Any] = {"date": date_arg(date).decode(), "items": items}
        if policy is not None:
            request["policy"] = policy
        return self._request(lib.cw_campaign_status_colors, request).get("items", [])

    # ---- Assessment ----
    def rank(self, period: str, component: Optional[str] = None) -> RankingTable:
        """The ranking of a month, quarter or year ("2025-06", "2025-Q2", "2025")."""
        return self._json(lib.cw_campaign_rank, id_arg(period, "period"), opt_arg(component))

    def explain(self, unit: str, period: str, component: Optional[str] = None) -> Explanation:
        """One unit's breakdown in `period` and the gap to the unit above."""
        return self._json(lib.cw_campaign_explain, id_arg(unit, "unit"),
                          id_arg(period, "period"), opt_arg(component))

    def progress_status(self, date: Any, unit: Optional[str] = None, behind_only: bool = False,
                        phase: Optional[str] = None) -> CampaignStatus:
        """Every task with targets at `date`: expected against reported,
        status and colour, most behind first, and unit summaries."""
        return self._request(lib.cw_campaign_progress_status,
                             {"date": date_arg(date).decode("ascii"), "unit_id": unit or "",
                              "behind_only": behind_only, "phase_id": phase or ""})

    def report(self, kind: str, fmt: str = "md", month: str = "", unit: str = "",
               number: str = "", date: str = "",
               templates: Optional[Dict[str, str]] = None, **frame: Any) -> ReportDocument:
        """A document ("monthly", "notice" or "dossier") from the campaign
        alone (no ledger, no evidence). `frame` takes the 公文 fields of
        REPORT_FRAME_FIELDS (signer="…", copied_to=[…], receipt=True …)."""
        with self._use() as h:
            return render_report(h, None, kind, fmt, month=month, unit_id=unit,
                                 number=number, date=date, templates=templates or {},
                                 **_frame(frame))

    def query_bytes(self, what: str, *args: Any, fmt: Union[int, str] = FORMAT_BINARY) -> bytes:
        """Raw answer bytes (e.g. protobuf) of one query, by method name."""
        table = {
            "unit_tasks": lib.cw_campaign_unit_tasks,
            "person_tasks": lib.cw_campaign_person_tasks,
            "task_parties": lib.cw_campaign_task_parties,
            "workload": lib.cw_campaign_workload,
            "gaps": lib.cw_campaign_gaps,
            "document_chain": lib.cw_campaign_document_chain,
            "validate": lib.cw_campaign_validate,
        }
        if what not in table:
            raise ValueError(f"unknown query {what!r}")
        encoded = [id_arg(a) if isinstance(a, str) else int(a) for a in args]
        with self._use() as h:
            return call_bytes(table[what], h, *encoded, format_arg(fmt))


def _agenda_request(first: Any, last: Any, unit: Optional[str], person: Optional[str],
                    fallback: bool) -> Dict[str, Any]:
    request: Dict[str, Any] = {"from": date_arg(first).decode(), "to": date_arg(last).decode(),
                               "weekend_fallback": bool(fallback)}
    if unit:
        request["unit_id"] = unit
    if person:
        request["person_id"] = person
    return request
