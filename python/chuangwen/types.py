"""Typed shapes of the answers: the chuangwen.v1 messages in their JSON
mapping (proto field names; fields at their default value are left out, so
every key is optional). Only the fields callers use most are spelled out;
the .proto files under share/chuangwen/proto are the full reference."""

from __future__ import annotations

import sys
from typing import Any, Dict, List

if sys.version_info >= (3, 8):
    from typing import TypedDict
else:  # pragma: no cover
    TypedDict = dict

__all__ = [
    "Problem", "PartyTasks", "TaskParties", "RankingRow", "RankingTable", "Explanation",
    "Weights", "OpenItem", "OpenItemList", "LedgerItem", "ReportDocument", "ImportResult",
    "CascadeResult", "CampaignStatus", "Agenda", "StatusColor",
]


class Problem(TypedDict, total=False):
    """A validation problem (ValidationProblem)."""
    code: str
    message: str
    location: str
    subject_id: str


class PartyTasks(TypedDict, total=False):
    """The tasks of a unit or person and its role in each."""
    party: Dict[str, Any]
    involvements: List[Dict[str, Any]]
    counts: Dict[str, int]
    includes_child_units: bool


class TaskParties(TypedDict, total=False):
    """Everyone involved in a task and their role."""
    task_id: str
    title: str
    parent_id: str
    parties: List[Dict[str, Any]]


class RankingRow(TypedDict, total=False):
    """One unit's row of a ranking table."""
    unit_id: str
    unit_name: str
    group: str
    score: float
    rank: int
    group_rank: int
    grade: str
    vetoed: bool
    veto_reason: str
    veto_period: str


class RankingTable(TypedDict, total=False):
    """A period's ranking: rows in rank order, commended and criticised units."""
    period: str
    component_id: str
    rows: List[RankingRow]
    commended: List[str]
    criticized: List[str]


class Explanation(TypedDict, total=False):
    """One unit's breakdown in a period and the gap to the unit above."""
    unit_id: str
    period: str
    score: float
    rank: int
    above_unit_id: str
    gap_to_above: float
    parts: List[Dict[str, Any]]
    vetoed: bool
    veto_reason: str
    veto_period: str


class Weights(TypedDict, total=False):
    """Derived weights (AHP fields only for AHP)."""
    weights: List[float]
    lambda_max: float
    consistency_index: float
    consistency_ratio: float


StatusColor = str
"""A StatusColor enum name: "GREEN", "YELLOW", "RED", "DONE_ON_TIME",
"DONE_LATE", "BLUE" or "ORANGE"."""


class OpenItem(TypedDict, total=False):
    """An outstanding ledger item with its 红黄绿灯 colour."""
    item_id: str
    number: str
    unit_id: str
    deadline: str
    working_days_late: int
    color: StatusColor
    severity: str


class OpenItemList(TypedDict, total=False):
    date: str
    items: List[OpenItem]


class LedgerItem(TypedDict, total=False):
    """One rectification item's folded state."""
    id: str
    number: str
    unit_id: str
    state: str
    issued_on: str
    deadline: str
    plan_date: str
    closed_on: str
    rejections: int
    extensions_approved: int
    findings: List[Dict[str, Any]]
    reminder_level: int


class ReportDocument(TypedDict, total=False):
    """A rendered document: text in content, or DOCX and PDF in binary."""
    title: str
    format: str
    content: str
    file_name: str
    binary: bytes


class ImportResult(TypedDict, total=False):
    """A campaign proposed from a plan's text and where each part came from."""
    campaign: Dict[str, Any]
    provenance: List[Dict[str, Any]]
    skipped: List[Dict[str, Any]]
    problems: Dict[str, List[Problem]]
    encoding: str
    lines: int
    notes: List[str]
    format: str
    review_items: List[Dict[str, Any]]


class CascadeResult(TypedDict, total=False):
    """A child plan linked under its parent."""
    campaign: Dict[str, Any]
    links: List[Dict[str, Any]]
    unlinked_task_ids: List[str]


class CampaignStatus(TypedDict, total=False):
    """Progress against targets at a date."""
    date: str
    tasks: List[Dict[str, Any]]
    units: List[Dict[str, Any]]


class Agenda(TypedDict, total=False):
    """Deadlines in a date range."""
    to: str
    items: List[Dict[str, Any]]
    used_weekend_fallback: bool
