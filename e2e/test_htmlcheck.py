"""The HTML check of the e2e suite (e2e/htmlcheck.py) really fails on invalid HTML."""

from __future__ import annotations

import pytest

from e2e import htmlcheck

VALID = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Goed</title></head>'
    '<body><main><p>Tekst</p><form data-hx-get="/nl/" data-hx-target="#x"></form>'
    '<div id="x"></div></main></body></html>'
)
# The allauth password help as it was: a list inside a <span> inside a <p>, and a raw
# htmx attribute.
INVALID = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Fout</title></head>'
    "<body><main>\n<p><span><ul><li>Minstens 8 tekens</li></ul></span></p>\n"
    '<div hx-get="/nl/">x</div></main></body></html>'
)


def test_valid_html_passes() -> None:
    assert htmlcheck.validate([htmlcheck.Document("http://test/goed/", VALID)]) == []


def test_invalid_html_fails_with_url_line_and_message() -> None:
    documents = [
        htmlcheck.Document("http://test/goed/", VALID),
        htmlcheck.Document("http://test/fout/", INVALID),
    ]
    errors = htmlcheck.validate(documents)
    assert errors and {e.url for e in errors} == {"http://test/fout/"}
    messages = " | ".join(e.message for e in errors)
    assert "span" in messages  # the list cannot sit in the span
    assert "hx-get" in messages  # not a valid attribute; data-hx-get is
    assert {e.line for e in errors} <= {2, 3}
    with pytest.raises(htmlcheck.InvalidHtmlError) as raised:
        htmlcheck.assert_valid(documents)
    assert "http://test/fout/ (line 2)" in str(raised.value)


def test_each_text_is_checked_once() -> None:
    before = len(htmlcheck._documents)
    htmlcheck.record("http://test/a/", VALID)
    htmlcheck.record("http://test/b/", VALID)
    assert len(htmlcheck._documents) == before + 1
    htmlcheck._documents.pop()
    htmlcheck._seen.discard(hash(VALID))


def test_an_htmx_fragment_is_checked_inside_a_page() -> None:
    fragment = '<div id="x" data-hx-swap-oob="true">\n<p><div>x</div></p></div>'
    errors = htmlcheck.validate(
        [htmlcheck.Document("http://test/f/ (htmx update)", htmlcheck.FRAGMENT_PAGE + fragment)]
    )
    assert errors and all(e.line == 2 for e in errors)
    ok = htmlcheck.FRAGMENT_PAGE + '<div id="x" data-hx-swap-oob="true"><p>x</p></div>'
    assert htmlcheck.validate([htmlcheck.Document("http://test/f/", ok)]) == []
