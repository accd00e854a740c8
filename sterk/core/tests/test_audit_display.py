"""How the audit trail shows the values of a change."""

from __future__ import annotations

from types import SimpleNamespace

from sterk.core.audit_display import change_rows, value_label


def test_a_list_of_records_is_shown_by_its_values():
    links = [{"kind": "website", "url": "https://example.org", "title": ""}]
    assert value_label(None, "links", links) == "website – https://example.org"


def test_a_change_of_a_list_of_records_does_not_break_the_trail():
    entry = SimpleNamespace(
        object_type="",
        changes={"links": [[], [{"url": "https://example.org"}]]},
    )
    rows = change_rows(entry)
    assert rows[0][1:] == ("", "https://example.org", True)
