"""Plans (工作方案): proposing a campaign from a plan's text, and the cascade
(层层分解) of a child plan under its parent."""

from __future__ import annotations

import json
from typing import Any, Dict, Optional, Sequence, Union

from ._native import FORMAT_JSON, Bytes, call_bytes, json_bytes, lib
from .types import CascadeResult, ImportResult

__all__ = ["import_plan", "link_plans"]


def import_plan(text: Union[bytes, str], year: int = 0, encoding: str = "",
                campaign_id: str = "", bare: bool = False,
                review: Optional[Sequence[Dict[str, str]]] = None,
                extra_cues: Optional[Dict[str, Any]] = None) -> ImportResult:
    """Proposes a campaign from a plan (str, or bytes: text in UTF-8 or
    GB18030, .docx, a web page, or PDF/.doc/.wps/.rtf/.odt where the converter
    is installed): the chuangwen.v1.ImportResult as a dict with "campaign",
    "provenance", "skipped" (every unused line and why), "problems", "notes"
    (people seated, stand-ins, the proposed assessment; bare=True proposes
    none of these) and "review_items" (least sure first). review: decisions
    of an earlier review, e.g. {"item": "task/1/lead_unit/区城管局",
    "action": "REVIEW_REJECT"}; extra_cues: an ImportCues dict."""
    data = Bytes(text.encode("utf-8") if isinstance(text, str) else bytes(text))
    fields: Dict[str, Any] = {"year": year, "encoding": encoding,
                              "campaign_id": campaign_id, "bare": bare}
    if review:
        fields["review"] = list(review)
    if extra_cues:
        fields["extra_cues"] = extra_cues
    options = json_bytes(fields)
    raw = call_bytes(lib.cw_plan_import, data.ptr, data.size, options.ptr, options.size,
                     FORMAT_JSON, FORMAT_JSON)
    return json.loads(raw.decode("utf-8"))


def link_plans(child: Dict[str, Any], parent: Dict[str, Any]) -> CascadeResult:
    """The cascade: copies the parent plan's tasks into the child campaign
    (both chuangwen.v1.Campaign dicts, as import_plan returns them) under the
    document the child cites by the parent's 文号, and links the child's
    tasks to those they implement. Returns the chuangwen.v1.CascadeResult as
    a dict: "campaign", "links", "unlinked_task_ids"."""
    c, p = json_bytes(child), json_bytes(parent)
    raw = call_bytes(lib.cw_plan_link, c.ptr, c.size, p.ptr, p.size, FORMAT_JSON, FORMAT_JSON)
    return json.loads(raw.decode("utf-8"))
