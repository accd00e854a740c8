"""One-off: write the Python content literals to content/ as YAML (issue 9, content as data).

Run once from the repo root (`.venv/bin/python scripts/export_content.py`); it checks that
every file loads back (yaml.safe_load) to exactly the data it was written from."""

from __future__ import annotations

import datetime
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "content"
LANGS = ("nl", "fr", "en")


class Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _str)


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def write(path: str, data: Any) -> None:
    target = OUT / path
    target.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100)
    target.write_text(text, encoding="utf-8")
    assert yaml.safe_load(target.read_text(encoding="utf-8")) == data, path


def numbered(folder: str, items: list[dict[str, Any]], name: Any) -> None:
    for i, item in enumerate(items, start=1):
        write(f"{folder}/{i:02d}-{name(item)}.yaml", item)


def local(value: datetime.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def nest(flat: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """title_nl/title_fr/title_en -> title: {nl, fr, en}, in the original key order."""
    out: dict[str, Any] = {}
    for key, value in flat.items():
        base, _, lang = key.rpartition("_")
        if lang in LANGS and base in fields:
            out.setdefault(base, {})[lang] = value
        elif isinstance(value, datetime.datetime):
            out[key] = local(value)
        else:
            out[key] = value
    return out


def identity() -> None:
    from sterk.identity import content as c

    numbered("identity/pages", c.PAGES, lambda i: i["slug"])
    numbered("identity/krachtlijnen", c.KRACHTLIJNEN, lambda i: i["slug"])
    numbered("identity/functions", c.FUNCTIONS, lambda i: i["slug"])
    numbered("network/regions", c.REGIONS, lambda i: i["slug"])
    numbered("network/organisations", c.ORGANISATIONS, lambda i: slugify(i["name"]))


def actionplan() -> None:
    from sterk.actionplan import content as a

    write("actionplan/plan.yaml", a.PLAN)
    write("actionplan/evaluation.yaml", a.EVALUATION)
    write(
        "actionplan/organisations.yaml",
        [{"name": n, "type": k, "website": w} for n, (k, w) in a.ORGANISATIONS.items()],
    )
    for ch in a.CHALLENGES:
        item = dict(ch)
        item["actions"] = [
            {k: v for k, v in act.items() if k != "challenge"}
            for act in a.ACTIONS
            if act["challenge"] == ch["number"]
        ]
        write(f"actionplan/challenges/{ch['number']:02d}-{ch['slug']}.yaml", item)
    assert sum(
        len(x["actions"])
        for x in (
            yaml.safe_load(p.read_text()) for p in (OUT / "actionplan/challenges").glob("*.yaml")
        )
    ) == len(a.ACTIONS)
    for sp in a.SPEARHEADS:
        write(f"actionplan/spearheads/{sp['number']:02d}-{sp['slug']}.yaml", sp)
    write("actionplan/first-priorities-2020.yaml", a.FIRST_PRIORITIES)


def events() -> None:
    from sterk.events import content as e

    fields = ("title", "summary", "description", "report", "audience_note")
    numbered("events/series", [nest(s, fields) for s in e.SERIES], lambda i: i["slug"])
    numbered("events/events", [nest(s, fields) for s in e.EVENTS], lambda i: i["slug"])


def practices() -> None:
    from sterk.practices import content as p

    numbered("practices/practices", p.PRACTICES, lambda i: i["slug"])
    write(f"practices/calls/{p.SOCIUS_CALL['slug']}.yaml", p.SOCIUS_CALL)


if __name__ == "__main__":
    identity()
    actionplan()
    events()
    practices()
