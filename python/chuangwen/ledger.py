"""The supervision ledger (督查台账) with its evidence and progress books:
a SQLite file, a log the caller keeps in its own database, or memory."""

from __future__ import annotations

import ctypes
import json
import os
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple, Union

from ._native import (FORMAT_BINARY, FORMAT_JSON, Bytes, Handle, call_bytes, call_json, check,
                      handle_t, id_arg, json_bytes, lib, message_arg, opt_arg, request_json)
from .campaign import _frame, render_report
from .types import CampaignStatus, LedgerItem, OpenItemList, ReportDocument

if TYPE_CHECKING:
    from .campaign import Campaign

__all__ = ["Ledger", "LedgerLog"]

Message = Union[List[Dict[str, Any]], Dict[str, Any], bytes, str]


class Ledger(Handle):
    """The supervision ledger: a SQLite file or in memory. One call at a time
    per ledger (calls from other threads wait); several processes, or
    several Ledger objects, may write one file.

        with chuangwen.Ledger.create("ledger.db", campaign) as ledger:
            ledger.append([{"id": "e1", "item_id": "i1", "actor": "xul", ...}])
            ledger.overdue("2025-10-31")      # -> {"date": ..., "items": [...]}
    """

    _free = "cw_ledger_free"
    _what = "ledger"

    @classmethod
    def create(cls, path: Union[str, os.PathLike], campaign: "Campaign") -> "Ledger":
        """A new ledger file bound to `campaign` (which must be valid);
        ConflictError if the file exists."""
        handle = handle_t()
        with campaign._use() as c:
            check(lib.cw_ledger_new(c, os.fsencode(path), ctypes.byref(handle)))
        return cls(handle)

    @classmethod
    def open(cls, path: Union[str, os.PathLike]) -> "Ledger":
        """An existing ledger file."""
        handle = handle_t()
        check(lib.cw_ledger_open(os.fsencode(path), ctypes.byref(handle)))
        return cls(handle)

    @classmethod
    def in_memory(cls, campaign: "Campaign") -> "Ledger":
        """A ledger in memory over `campaign`; nothing is stored."""
        handle = handle_t()
        with campaign._use() as c:
            check(lib.cw_ledger_new(c, None, ctypes.byref(handle)))
        return cls(handle)

    def _append(self, fn: Any, message: Message, key: str, *extra: Any) -> None:
        if isinstance(message, list):
            message = {key: message}
        data, fmt = message_arg(message)
        with self._use() as h:
            check(fn(h, data.ptr, data.size, fmt, *extra))

    def append(self, events: Message) -> None:
        """Appends events, all or none: a list of LedgerEvent dicts, a
        LedgerEventBatch dict, its JSON or protobuf text, or its binary
        encoding."""
        self._append(lib.cw_ledger_append, events, "events")

    def append_evidence(self, events: Message) -> None:
        """Appends evidence events (submissions, sign-offs, rejections), all
        or none."""
        self._append(lib.cw_ledger_append_evidence, events, "events")

    def append_progress(self, reports: Message, today: Optional[str] = None) -> None:
        """Adds progress reports, all or none (none dated after `today`)."""
        self._append(lib.cw_ledger_append_progress, reports, "reports", opt_arg(today))

    def replace_campaign(self, campaign: "Campaign", reason: str) -> None:
        """Puts a newer version of the campaign in force, recording why."""
        data = Bytes(campaign.save(FORMAT_BINARY))
        with self._use() as h:
            check(lib.cw_ledger_replace_campaign(h, data.ptr, data.size, FORMAT_BINARY,
                                                 id_arg(reason, "reason")))

    def refresh(self) -> None:
        """Folds what other processes wrote to the file since this handle last
        wrote or refreshed (every write does so first by itself)."""
        with self._use() as h:
            check(lib.cw_ledger_refresh(h))

    @property
    def event_count(self) -> int:
        """The number of events in the ledger."""
        n = ctypes.c_size_t()
        with self._use() as h:
            check(lib.cw_ledger_event_count(h, ctypes.byref(n)))
        return n.value

    def _query(self, fn: Any, *args: Any) -> Dict[str, Any]:
        with self._use() as h:
            return call_json(fn, h, *args)

    def _request(self, fn: Any, request: Dict[str, Any]) -> Dict[str, Any]:
        with self._use() as h:
            return request_json(fn, h, request=request)

    def item(self, item_id: str) -> LedgerItem:
        """One item's folded state."""
        return self._query(lib.cw_ledger_item, id_arg(item_id, "item_id"))

    def history(self, item_id: str) -> Dict[str, Any]:
        """The state and every event of an item or escalation."""
        return self._query(lib.cw_ledger_history, id_arg(item_id, "item_id"))

    def outstanding(self, date: str, unit: Optional[str] = None) -> OpenItemList:
        """Items not closed at `date` (of `unit` and the units below it), with
        红黄绿灯 colours."""
        return self._query(lib.cw_ledger_outstanding, opt_arg(unit), id_arg(date, "date"))

    def overdue(self, date: str) -> OpenItemList:
        """Items overdue at `date` with working days late, oldest first."""
        return self._query(lib.cw_ledger_overdue, id_arg(date, "date"))

    def monthly_stats(self, month: str) -> Dict[str, Any]:
        """Per unit: found, rectified on time and late, overdue, reopened, open."""
        return self._query(lib.cw_ledger_monthly_stats, id_arg(month, "month"))

    def repeated_problems(self, date: str) -> Dict[str, Any]:
        """Units with repeated findings of one category."""
        return self._query(lib.cw_ledger_repeated_problems, id_arg(date, "date"))

    def escalations(self, date: str) -> Dict[str, Any]:
        """约谈 / 组织措施 the campaign's rules recommend."""
        return self._query(lib.cw_ledger_escalations, id_arg(date, "date"))

    def reminders(self, date: str) -> Dict[str, Any]:
        """Reminders (催办) due, at the level the ladder reached."""
        return self._query(lib.cw_ledger_reminders, id_arg(date, "date"))

    def points(self, date: str) -> Dict[str, Any]:
        """Inspection points with findings and open items."""
        return self._query(lib.cw_ledger_points, id_arg(date, "date"))

    def deductions(self, month: str) -> Dict[str, Any]:
        """The month's deduction occurrences as assessment inputs."""
        return self._query(lib.cw_ledger_deductions, id_arg(month, "month"))

    def progress_status(self, date: str, unit: str = "",
                        behind_only: bool = False) -> CampaignStatus:
        """Progress at `date` from the campaign's and the ledger's reports."""
        return self._request(lib.cw_ledger_progress_status,
                             {"date": date, "unit_id": unit, "behind_only": behind_only})

    def evidence_completeness(self, date: str, since: str = "", unit: str = "",
                              task: str = "") -> Dict[str, Any]:
        """Which required evidence is present, missing or rejected."""
        return self._request(lib.cw_ledger_evidence_completeness,
                             {"date": date, "from": since, "unit_id": unit, "task_id": task})

    def evidence_archive(self) -> Dict[str, Any]:
        """The archive index (资料汇编目录)."""
        return self._query(lib.cw_ledger_evidence_archive)

    def evidence_package(self, indicator: str, month: str, months: int = 12) -> Dict[str, Any]:
        """The evidence for one indicator over `months` months up to `month`."""
        return self._request(lib.cw_ledger_evidence_package,
                             {"indicator_id": indicator, "month": month, "months": months})

    def report(self, kind: str, fmt: str = "md", month: str = "", item: str = "",
               unit: str = "", number: str = "", date: str = "",
               templates: Optional[Dict[str, str]] = None, **frame: Any) -> ReportDocument:
        """A document ("monthly", "notice" or "dossier"): {"title", "format",
        "content", "file_name"}, and "binary" (bytes) for "docx" and "pdf".
        `frame` takes the 公文 fields (signer="…", copied_to=[…],
        receipt=True …; see campaign.REPORT_FRAME_FIELDS)."""
        with self._use() as h:
            return render_report(None, h, kind, fmt, month=month, item_id=item, unit_id=unit,
                                 number=number, date=date, templates=templates or {},
                                 **_frame(frame))

    def export(self) -> bytes:
        """The whole log as length-delimited chuangwen.v1.LedgerRecord messages."""
        with self._use() as h:
            return call_bytes(lib.cw_ledger_export, h)

    def import_log(self, data: bytes) -> None:
        """Reads an exported log into this ledger file (which has no events)."""
        buffer = Bytes(data)
        with self._use() as h:
            check(lib.cw_ledger_import(h, buffer.ptr, buffer.size))


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
    def create(cls, campaign: "Campaign") -> Tuple["LedgerLog", List[Dict[str, Any]]]:  # type: ignore[override]
        """A new log over `campaign`, and its first record to store."""
        handle = handle_t()
        with campaign._use() as c:
            first = call_bytes(lib.cw_ledger_log_new, c, FORMAT_JSON, ctypes.byref(handle))
        return cls(handle), json.loads(first.decode("utf-8"))["records"]

    @classmethod
    def open(cls, records: List[Dict[str, Any]]) -> "LedgerLog":  # type: ignore[override]
        """The ledger folded from a log's records, record 1 first."""
        data = json_bytes({"records": records})
        handle = handle_t()
        check(lib.cw_ledger_log_load(data.ptr, data.size, FORMAT_JSON, ctypes.byref(handle)))
        return cls(handle)

    @property
    def sequence(self) -> int:
        """The last record folded."""
        n = ctypes.c_uint64()
        with self._use() as h:
            check(lib.cw_ledger_log_sequence(h, ctypes.byref(n)))
        return n.value

    def catch_up(self, records: List[Dict[str, Any]]) -> None:
        """Folds records stored since (those folded already are skipped)."""
        data = json_bytes({"records": records})
        with self._use() as h:
            check(lib.cw_ledger_log_catch_up(h, data.ptr, data.size, FORMAT_JSON))

    def prepare(self, append: Dict[str, Any]) -> List[Dict[str, Any]]:
        """The records to store for a chuangwen.v1.LogAppend dict ({"events":
        {...}}, {"evidence": {...}}, {"progress": {...}, "today": ...} or
        {"campaign": {...}, "reason": ...}), checked against the state after
        the ledger's sequence (or "expected_sequence" when given: ConflictError
        when the ledger is elsewhere). The ledger does not change."""
        request = dict(append)
        request.setdefault("expected_sequence", str(self.sequence))
        return self._request(lib.cw_ledger_log_prepare, request).get("records", [])
