"""One-off: write the demo data literals (network/demo.py and the load_*_demo commands) to
content/demo/ as YAML (issue 9). Run once from the repo root with Django set up:
`DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python scripts/export_demo.py`.
Every file is checked to load back (yaml.safe_load) to exactly what it was written from."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

import yaml  # noqa: E402

from scripts.export_content import Dumper, slugify  # noqa: E402

OUT = ROOT / "content" / "demo"


def plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def write(path: str, data: Any) -> None:
    data = plain(data)
    target = OUT / path
    target.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100)
    target.write_text(text, encoding="utf-8")
    assert yaml.safe_load(target.read_text(encoding="utf-8")) == data, path


def spec(obj: Any) -> dict[str, Any]:
    """A dataclass as a mapping, without the fields left at their default."""
    out = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        default = f.default if f.default is not dataclasses.MISSING else (
            f.default_factory() if f.default_factory is not dataclasses.MISSING else object()
        )
        if value != default:
            out[f.name] = value
    return out


def network() -> None:
    from sterk.network import demo

    write(
        "network/organisations.yaml",
        {
            "suffix": demo.DEMO_SUFFIX,
            "description": demo.ORGANISATION_DESCRIPTION,
            "themes": demo.ORGANISATION_THEMES,
            "colleges": demo.COLLEGES,
            "practice": {
                region: [{"name": n, "type": k} for n, k in rows]
                for region, rows in demo.PRACTICE_ORGANISATIONS.items()
            },
            "platform": [{"name": n, "type": k} for n, k in demo.PLATFORM_ORGANISATIONS],
        },
    )
    write(
        "network/members.yaml",
        {
            "seed": demo.SEED,
            "count": demo.MEMBER_COUNT,
            "first_names": demo.FIRST_NAMES,
            "last_names": demo.LAST_NAMES,
            "region_weights": demo.REGION_WEIGHTS,
            "jobs": {
                kind: [{"title": t, "sector": s} for t, s in rows]
                for kind, rows in demo.JOBS.items()
            },
        },
    )
    write("network/steering-capacities.yaml", demo.STEERING_CAPACITY)
    for i, person in enumerate(demo.fixed_people(), start=1):
        write(f"network/people/{i:02d}-{person.local}.yaml", spec(person))
    for i, request in enumerate(demo.CONTACT_REQUESTS, start=1):
        write(f"network/contact-requests/{i:02d}-{request.local}.yaml", spec(request))


def actionplan() -> None:
    from sterk.actionplan.management.commands import load_actionplan_demo as d

    covered: set[str] = set()

    def text(nl: str) -> dict[str, str]:
        fr, en = d.TRANSLATIONS[nl]
        covered.add(nl)
        return {"nl": nl, "fr": fr, "en": en}

    for i, row in enumerate(d.DEMO_ACTIONS, start=1):
        number, slug, title, regions, orgs, k, f, initiatives, updates = row
        assert orgs == []
        write(
            f"actionplan/actions/{i:02d}-{slug}.yaml",
            {
                "challenge": number,
                "slug": slug,
                "title": text(title),
                "regions": regions,
                "krachtlijnen": k,
                "functions": f,
                "initiatives": [text(line) for line in initiatives],
                "updates": [
                    {"date": date, "status": status, "progress": progress, "narrative": narrative}
                    for date, status, progress, narrative in updates
                ],
            },
        )
    for i, (region, number, title, status, message) in enumerate(d.DEMO_PROPOSALS, start=1):
        write(
            f"actionplan/proposals/{i:02d}-{region}.yaml",
            {
                "region": region,
                "challenge": number,
                "title": title,
                "status": status,
                "message": message,
            },
        )
    write(
        "actionplan/translations.yaml",
        [text(nl) for nl in d.TRANSLATIONS if nl not in covered],
    )
    assert covered == set(d.TRANSLATIONS)

    # The texts written inline in the command, taken from its source (never retyped).
    import ast

    source = Path(d.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    extra: dict[str, Any] = {"regions": d.REGIONS}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            getattr(t, "id", None) == "activity_updates" for t in node.targets
        ):
            value = eval(  # noqa: S307 - our own source, once
                ast.get_source_segment(source, node.value), {"D": d.D, "Status": d.Status}
            )
            extra["activity_updates"] = {
                title: [
                    {"date": a, "status": b, "progress": c, "narrative": n} for a, b, c, n in rows
                ]
                for title, rows in value.items()
            }
        if isinstance(node, ast.Dict):
            values = {
                k.value: v
                for k, v in zip(node.keys, node.values, strict=True)
                if isinstance(k, ast.Constant)
            }
            keys = list(values)
            if "description_nl" in keys and "origin" in keys:
                extra["action_description"] = {
                    lang: ast.literal_eval(values[f"description_{lang}"]) for lang in ("nl", "fr", "en")
                }
            if "initiatives" in keys and isinstance(values["initiatives"], ast.Constant):
                extra["proposal"] = {
                    "description": ast.literal_eval(values["description"]),
                    "initiatives": ast.literal_eval(values["initiatives"]),
                }
        if isinstance(node, ast.keyword) and node.arg == "narrative" and isinstance(
            node.value, ast.Constant
        ):
            extra["initiative_done"] = node.value.value
    assert set(extra) == {
        "regions", "activity_updates", "action_description", "proposal", "initiative_done"
    }, extra
    write("actionplan/texts.yaml", extra)


if __name__ == "__main__":
    # Each part ran once, before its Python literals were removed.
    for part in sys.argv[1:] or ["network", "actionplan"]:
        globals()[part]()
