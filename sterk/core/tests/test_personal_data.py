"""The registry's helpers: scrubbing a person's name and addresses from logs."""

from __future__ import annotations

from sterk.core.personal_data import ERASED, DataSubject, scrub, text_version


def test_scrub_replaces_whole_terms_in_nested_json_case_insensitively():
    value = {"email": [None, "Jan@Example.org"], "note": ["Jan Peeters belde", "Jannes"]}
    assert scrub(value, ["jan@example.org", "Jan Peeters"]) == {
        "email": [None, ERASED],
        "note": [f"{ERASED} belde", "Jannes"],
    }
    assert scrub("Jan Peetersen", ["Jan Peeters"]) == "Jan Peetersen"  # another name
    assert scrub(3, ["x"]) == 3


def test_scrub_terms_are_addresses_and_full_names_only():
    subject = DataSubject(
        user=None, emails=frozenset({"a@example.org"}), identifiers={"Jan", "Jan Peeters", ""}
    )
    assert subject.scrub_terms() == ["a@example.org", "Jan Peeters"]  # longest first


def test_text_version_follows_the_text():
    assert text_version("Ik stem in.") == text_version(" Ik stem in. ")
    assert text_version("Ik stem in.") != text_version("Ik stem niet in.")
