"""Templates write htmx attributes as data-hx-* (htmx reads both), so every page validates
with the Nu HTML Checker (the e2e suite checks the pages it visits: e2e/htmlcheck.py);
this check covers the templates no browser journey reaches."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
RAW_HTMX = re.compile(r"(?<![\w-])hx-[a-z]+(?:-[a-z]+)*\s*=")


def template_files() -> list[Path]:
    files = list((ROOT / "templates").rglob("*.html"))
    files += list((ROOT / "sterk").glob("*/templates/**/*.html"))
    return sorted(files)


def test_templates_are_found() -> None:
    assert len(template_files()) > 50


def test_no_template_uses_raw_htmx_attributes() -> None:
    offenders = []
    for path in template_files():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if RAW_HTMX.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:120]}")
    assert not offenders, "use data-hx-* instead of hx-*:\n" + "\n".join(offenders)


def test_the_pattern_finds_raw_and_spares_data_attributes() -> None:
    assert RAW_HTMX.search('<form hx-get="/x" hx-push-url="true">')
    assert RAW_HTMX.search('<div{% if x %} hx-swap-oob="true"{% endif %}>')
    assert not RAW_HTMX.search('<form data-hx-get="/x" data-hx-swap-oob="true">')
    assert not RAW_HTMX.search("the hx-request header")


DATETIME_ATTR = re.compile(r"""datetime="\{\{[^}]*\|date:['"]c['"]""")


def test_time_elements_carry_no_microseconds() -> None:
    # |date:"c" writes microseconds when there are any (a consent given "now"): six
    # digits of a second are not a valid HTML date and time; write seconds and offset.
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in template_files()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if DATETIME_ATTR.search(line)
    ]
    assert not offenders, "use |date:'Y-m-d\\TH:i:sO' in datetime attributes: " + ", ".join(
        offenders
    )
