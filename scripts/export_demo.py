"""One-off: write the demo data literals (network/demo.py and the load_*_demo commands) to
content/demo/ as YAML (issue 9). Run once from the repo root with Django set up:
`DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python scripts/export_demo.py`.
Every file is checked to load back (yaml.safe_load) to exactly what it was written from."""

from __future__ import annotations

import dataclasses
import enum
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

import yaml  # noqa: E402

from scripts.export_content import Dumper  # noqa: E402

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
        default = (
            f.default
            if f.default is not dataclasses.MISSING
            else (f.default_factory() if f.default_factory is not dataclasses.MISSING else object())
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
                    lang: ast.literal_eval(values[f"description_{lang}"])
                    for lang in ("nl", "fr", "en")
                }
            if "initiatives" in keys and isinstance(values["initiatives"], ast.Constant):
                extra["proposal"] = {
                    "description": ast.literal_eval(values["description"]),
                    "initiatives": ast.literal_eval(values["initiatives"]),
                }
        if (
            isinstance(node, ast.keyword)
            and node.arg == "narrative"
            and isinstance(node.value, ast.Constant)
        ):
            extra["initiative_done"] = node.value.value
    assert set(extra) == {
        "regions",
        "activity_updates",
        "action_description",
        "proposal",
        "initiative_done",
    }, extra
    write("actionplan/texts.yaml", extra)


def _literal(node: Any) -> Any:
    """A literal from the source, with f-strings kept as templates ("Verhaal {n} ...");
    values that are not literals are left out (None)."""
    import ast

    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                parts.append(part.value)
            else:
                assert isinstance(part, ast.FormattedValue), part
                parts.append("{" + ast.unparse(part.value) + "}")
        return "".join(parts)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_literal(v) for v in node.elts]
    if isinstance(node, ast.Dict):
        out = {}
        for k, v in zip(node.keys, node.values, strict=True):
            if isinstance(k, ast.Constant):
                value = _literal(v)
                if value is not None:
                    out[k.value] = value
        return out
    return None


def _nest(flat: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in flat.items():
        base, _, lang = key.rpartition("_")
        if lang in ("nl", "fr", "en"):
            out.setdefault(base, {})[lang] = value
        else:
            out[key] = value
    return out


def practices() -> None:
    import ast

    from sterk.practices.management.commands import load_practices_demo as d

    write(
        "practices/activities.yaml",
        [
            {
                "name": {lang: pair[0] for lang, pair in activity.items()},
                "what": {lang: pair[1] for lang, pair in activity.items()},
            }
            for activity in d.ACTIVITIES
        ],
    )
    write("practices/places.yaml", d.PLACES)
    source = Path(d.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    templates = None
    calls: list[ast.Call] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            getattr(t, "id", None) == "templates" for t in node.targets
        ):
            templates = _literal(node.value)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            calls.append(node)
    assert templates is not None
    write(
        "practices/templates.yaml",
        {
            field: {lang: templates[lang][i] for lang in ("nl", "fr", "en")}
            for i, field in enumerate(("title", "summary", "story"))
        },
    )

    def call_of(name: str) -> ast.Call:
        (found,) = [
            c
            for c in calls
            if c.func.attr == name  # type: ignore[attr-defined]
            and not any(k.arg == "data" and isinstance(k.value, ast.Name) for k in c.keywords)
        ]
        return found

    def keyword(call: ast.Call, name: str) -> Any:
        (found,) = [k.value for k in call.keywords if k.arg == name]
        return found

    created = _literal(keyword(call_of("call_create"), "data"))
    submission = call_of("call_submission_create")
    states = next(
        _literal(n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", None) == "states"
    )
    published = _literal(keyword(call_of("practice_update"), "data"))
    sub_data = _literal(keyword(submission, "data"))
    write(
        f"practices/calls/{created['slug']}.yaml",
        {
            **_nest(created),
            "opens_days_ago": 14,
            "closes_in_days": 45,
            "submissions": {
                "states": states,
                "title": {"nl": sub_data["title_nl"], **_nest(published)["title"]},
                "summary": {"nl": sub_data["summary_nl"], **_nest(published)["summary"]},
                "answers": _literal(keyword(submission, "answers")),
                "submitter_name": _literal(keyword(submission, "submitter_name")),
                "submitter_email": _literal(keyword(submission, "submitter_email")),
                "changes_requested": _literal(
                    keyword(call_of("practice_request_changes"), "comment")
                ),
                "declined": _literal(keyword(call_of("practice_decline"), "reason")),
            },
        },
    )


def events() -> None:
    import ast

    from sterk.events.management.commands import load_events_demo as d

    source = Path(d.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    names: dict[str, ast.AST] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            names[node.targets[0].id] = node.value

    def value(node: ast.AST) -> Any:
        if isinstance(node, ast.Name) and node.id in names:
            return value(names[node.id])
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_at":
            if not isinstance(node.args[0], ast.Constant):
                return None  # a computed day (the campaign day, the meetings): set below
            days, hour, *minute = [ast.literal_eval(a) for a in node.args]
            return {"days": days, "time": f"{hour:02d}:{(minute or [0])[0]:02d}"}
        if isinstance(node, ast.List):
            return [value(v) for v in node.elts]
        if isinstance(node, ast.Dict):
            return {
                ast.literal_eval(k): value(v) for k, v in zip(node.keys, node.values, strict=True)
            }
        return _literal(node)

    def event(call: ast.Call) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if call.args and isinstance(call.args[0], ast.Constant):
            data["slug"] = call.args[0].value
        for kw in call.keywords:
            if kw.arg is None:  # **region("antwerpen")
                assert isinstance(kw.value, ast.Call) and kw.value.func.id == "region"  # type: ignore[attr-defined]
                arg = kw.value.args[0]
                data["region"] = arg.value if isinstance(arg, ast.Constant) else "{slug}"
            elif kw.arg == "series":
                data["series"] = "demo-world-social-work-day"
            else:
                converted = value(kw.value)
                if converted is not None:
                    data[kw.arg] = converted
        nested = _nest(data)
        for key in ("questions", "sessions"):
            if key in nested:
                nested[key] = [_nest(row) for row in nested[key]]
        return nested

    calls = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and getattr(n.func, "attr", None) == "_event"
    ]
    calls.sort(key=lambda n: n.lineno)
    fixed = [event(c) for c in calls if c.args and isinstance(c.args[0], ast.Constant)]
    fills = {
        "demo-bijeenkomst-werken-in-vertrouwen": [5, "demo-vertrouwen-"],
        "demo-praktijksafari-eerste-lijn": [4, "demo-safari-"],
    }
    # The registrations each new event gets (self._fill in the command), checked in its source.
    for slug, (count, prefix) in fills.items():
        assert f'self._fill(event, {count}, "{prefix}")' in source, slug
    for i, data in enumerate(fixed, start=1):
        if data["slug"] in fills:
            count, prefix = fills[data["slug"]]
            data["registrations"] = {"count": count, "email_prefix": prefix}
        write(f"events/events/{i:02d}-{data['slug']}.yaml", data)

    write(
        "events/series/demo-world-social-work-day.yaml",
        {"slug": "demo-world-social-work-day", **_nest(value(names["series_texts"]))},
    )
    (wswd,) = [c for c in calls if isinstance(c.args[0], ast.JoinedStr)]
    campaign = event(wswd)
    campaign["title"] = {
        lang: text.replace("{name['" + lang + "']}", "{name}")
        for lang, text in campaign["title"].items()
    }
    campaign.pop("region")
    campaign["regions"] = ["antwerpen", "limburg", "west-vlaanderen"]
    assert '("antwerpen", "limburg", "west-vlaanderen")' in source
    campaign["when"] = "the Tuesday two weeks after the first Tuesday of March next year"
    campaign["starts_at"] = {"time": "10:00"}
    campaign["ends_at"] = {"time": "16:00"}
    write("events/campaign-day.yaml", campaign)

    (loop,) = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.For)
        and isinstance(n.iter, ast.Tuple)
        and len(n.iter.elts) == 3
        and isinstance(n.iter.elts[0], ast.Tuple)
    ]
    call = next(c for c in calls if c.lineno > loop.lineno)
    common = event(call)
    common.pop("title", None)
    common.pop("starts_at", None)
    common.pop("ends_at", None)
    for i, row in enumerate(loop.iter.elts, start=1):
        slug, when, nl, fr, en = row.elts  # type: ignore[attr-defined]
        year = ast.unparse(when.args[0])
        write(
            f"events/stakeholder-meetings/{i:02d}-{slug.value}.yaml",
            {
                "slug": slug.value,
                "date": {
                    "years_from_now": 0 if year == "this_year" else int(year.split("+")[1]),
                    "month": when.args[1].value,
                    "day": when.args[2].value,
                },
                "title": {"nl": nl.value, "fr": fr.value, "en": en.value},
                **common,
                "starts_at": {"time": "14:00"},
                "ends_at": {"time": "16:00"},
            },
        )


if __name__ == "__main__":
    # Each part ran once, before its Python literals were removed.
    for part in sys.argv[1:] or ["network", "actionplan"]:
        globals()[part]()
