"""The plan with its current state as CSV, JSON and a printable PDF (weasyprint).

All three are built from `selectors.state_rows`, the same rows an evaluation freezes."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from sterk.core.exports import csv_text
from sterk.core.site import absolute_url, site_url
from sterk.network.models import Region

from .models import Plan, ProgressUpdate, Status
from .selectors import StatusSummary, localise, state_rows

CSV_COLUMNS = [
    "type",
    "id",
    "number",
    "challenge",
    "parent",
    "title",
    "status",
    "status_label",
    "progress",
    "status_date",
    "origin",
    "origin_region",
    "carrier_regions",
    "carrier_organisations",
    "krachtlijnen",
    "functions",
    "lead_organisation",
    "partners",
    "timing",
    "url",
]

PRINT_CSS = Path(__file__).resolve().parent / "static" / "actionplan" / "print.css"


def _url(row: dict[str, Any]) -> str:
    kind = row["type"]
    if kind == "challenge":
        path = reverse("actionplan:challenge_detail", kwargs={"slug": row["slug"]})
    elif kind == "action":
        path = reverse("actionplan:action_detail", kwargs={"slug": row["slug"]})
    elif kind == "initiative":
        url = reverse("actionplan:action_detail", kwargs={"slug": row["action"]})
        path = f"{url}#initiatief-{row['id']}"
    elif kind == "spearhead":
        path = reverse("actionplan:spearhead_detail", kwargs={"slug": row["slug"]})
    else:
        url = reverse("actionplan:spearhead_detail", kwargs={"slug": row["spearhead"]})
        path = f"{url}#activiteit-{row['id']}"
    return absolute_url(path)


def _rows(plan: Plan, region: Region | None, language: str) -> list[dict[str, Any]]:
    with translation.override(language):
        rows = [localise(r, language) for r in state_rows(plan, region=region)]
        for row in rows:
            row["url"] = _url(row)
            if "status" in row:
                row["status_label"] = str(Status(row["status"]).label)
    return rows


def write_csv(out: Any, plan: Plan, *, region: Region | None, language: str) -> None:
    """Through `sterk.core.exports`: `;`, a byte order mark, every cell defused."""
    body = []
    for row in _rows(plan, region, language):
        flat = dict(row)
        flat["parent"] = row.get("action") or row.get("spearhead") or ""
        body.append([flat.get(column) for column in CSV_COLUMNS])
    out.write(csv_text(CSV_COLUMNS, body))


def as_json(plan: Plan, *, region: Region | None, language: str) -> dict[str, Any]:
    """The plan as a tree: challenges > actions > initiatives; spearheads > activities."""
    rows = _rows(plan, region, language)
    challenges: list[dict[str, Any]] = []
    spearheads: list[dict[str, Any]] = []
    by_action: dict[int, dict[str, Any]] = {}
    by_spearhead: dict[int, dict[str, Any]] = {}
    for row in rows:
        item = {k: v for k, v in row.items() if k not in {"type", "challenge_id", "action_id"}}
        kind = row["type"]
        if kind == "challenge":
            challenges.append({**item, "actions": []})
        elif kind == "action":
            item.pop("challenge", None)
            action = {**item, "initiatives": []}
            challenges[-1]["actions"].append(action)
            by_action[row["id"]] = action
        elif kind == "initiative":
            for key in ("action", "challenge"):
                item.pop(key, None)
            by_action[row["action_id"]]["initiatives"].append(item)
        elif kind == "spearhead":
            spearhead = {**item, "activities": []}
            spearheads.append(spearhead)
            by_spearhead[row["id"]] = spearhead
        elif kind == "activity":
            item.pop("spearhead", None)
            item.pop("spearhead_id", None)
            by_spearhead[row["spearhead_id"]]["activities"].append(item)
    with translation.override(language):
        title = plan.title
    return {
        "plan": {"slug": plan.slug, "title": title, "period": plan.period},
        "language": language,
        "region": region.slug if region else None,
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "statuses": [{"value": s.value, "label": str(s.label)} for s in Status],
        "challenges": challenges,
        "spearheads": spearheads,
    }


def _latest_narratives(plan: Plan) -> dict[tuple[str, int], dict[str, Any]]:
    latest: dict[tuple[str, int], Any] = {}
    updates = (
        ProgressUpdate.objects.filter(
            Q(action__challenge__plan=plan) | Q(activity__spearhead__plan=plan)
        )
        .order_by("date", "id")
        .values("action_id", "activity_id", "narrative", "date")
    )
    for u in updates:
        key = ("action", u["action_id"]) if u["action_id"] else ("activity", u["activity_id"])
        latest[key] = u
    return latest


def state_context(plan: Plan, *, region: Region | None, language: str) -> dict[str, Any]:
    rows = _rows(plan, region, language)
    narratives = _latest_narratives(plan)
    challenges: list[dict[str, Any]] = []
    spearheads: list[dict[str, Any]] = []
    action_index: dict[int, dict[str, Any]] = {}
    spearhead_index: dict[int, dict[str, Any]] = {}
    all_actions: list[dict[str, Any]] = []
    for row in rows:
        if row.get("status_date"):
            row["status_date"] = datetime.date.fromisoformat(row["status_date"])
        kind = row["type"]
        if kind == "challenge":
            challenges.append({"row": row, "actions": []})
        elif kind == "action":
            latest = narratives.get(("action", row["id"]))
            action: dict[str, Any] = {"row": row, "initiatives": [], "latest": latest}
            challenges[-1]["actions"].append(action)
            action_index[row["id"]] = action
            all_actions.append(row)
        elif kind == "initiative":
            action_index[row["action_id"]]["initiatives"].append(row)
        elif kind == "spearhead":
            spearhead = {"row": row, "activities": []}
            spearheads.append(spearhead)
            spearhead_index[row["id"]] = spearhead
        elif kind == "activity":
            spearhead_index[row["spearhead_id"]]["activities"].append(
                {"row": row, "latest": narratives.get(("activity", row["id"]))}
            )
    for challenge in challenges:
        challenge["summary"] = StatusSummary.of(a["row"] for a in challenge["actions"])
    if region is not None:
        challenges = [c for c in challenges if c["actions"]]
    return {
        "plan": plan,
        "region": region,
        "challenges": challenges,
        "spearheads": spearheads if region is None else [],
        "summary": StatusSummary.of(all_actions),
        "generated_on": timezone.localdate(),
        "generated_at": timezone.localtime(),
        "site_url": site_url(),
    }


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # The document is built from our own data only: no remote or local file is ever read.
    raise ValueError(f"Not fetched: {url}")


def state_document(plan: Plan, *, region: Region | None, language: str) -> Any:
    """The laid-out document (weasyprint `Document`): its pages and boxes can be inspected
    (the tests check that nothing passes the right margin) before it is written."""
    from weasyprint import CSS, HTML

    with translation.override(language):
        html = render_to_string(
            "actionplan/pdf/state.html",
            {**state_context(plan, region=region, language=language), "LANGUAGE_CODE": language},
        )
    document = HTML(string=html, base_url=site_url() + "/", url_fetcher=_refuse_fetch)
    return document.render(stylesheets=[CSS(filename=str(PRINT_CSS))])


def state_pdf(plan: Plan, *, region: Region | None, language: str) -> bytes:
    return state_document(plan, region=region, language=language).write_pdf()
