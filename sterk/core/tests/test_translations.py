"""Every interface string exists in nl, fr and en: no empty and no fuzzy entries."""

from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[3] / "locale"


def _entries(po_file: Path) -> list[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) for every entry; plural forms count as one msgstr each."""
    entries: list[tuple[str, str, bool]] = []
    fuzzy = False
    current = None
    strings: dict[str, str] = {}

    def flush() -> None:
        if "msgid" in strings:
            translations = [v for k, v in strings.items() if k.startswith("msgstr")]
            for value in translations:
                entries.append((strings["msgid"] + strings.get("msgid_plural", ""), value, fuzzy))

    for raw in [*po_file.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            flush()
            strings, current, fuzzy = {}, None, False
            continue
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            strings[current] += line[1:-1]
            continue
        key, _, value = line.partition(" ")
        current = key
        strings[key] = value[1:-1]
    return [e for e in entries if e[0]]  # the header has an empty msgid


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_catalogue_is_complete(language):
    po_file = LOCALE / language / "LC_MESSAGES" / "django.po"
    entries = _entries(po_file)
    assert len(entries) > 100
    empty = [msgid for msgid, msgstr, _ in entries if not msgstr]
    fuzzy = [msgid for msgid, _, is_fuzzy in entries if is_fuzzy]
    assert not empty, f"{len(empty)} untranslated in {language}: {empty[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {language}: {fuzzy[:10]}"
