"""The files under content/: every one parses with yaml.safe_load, every translated text has
its Dutch (and French and English, as the Python literals they came from had), and the
production loaders never read content/demo/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command

from sterk.core import content

LANGUAGES = {"nl", "fr", "en"}
LOADERS = content.CONTENT_LOADERS


def files(*parts: str) -> list[Path]:
    return sorted((settings.BASE_DIR / "content").joinpath(*parts).rglob("*.yaml"))


def texts(data: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every {language: text} mapping in a file, with where it is."""
    if isinstance(data, dict):
        if data and set(data) <= LANGUAGES:
            return [(where, data)]
        return [found for key, value in data.items() for found in texts(value, f"{where}.{key}")]
    if isinstance(data, list):
        return [found for i, value in enumerate(data) for found in texts(value, f"{where}[{i}]")]
    return []


def test_every_file_parses_and_is_not_empty():
    paths = files()
    assert len(paths) > 60
    for path in paths:
        data = content.read_yaml(path)
        assert data, path


@pytest.mark.parametrize(
    "area",
    [
        "identity",
        "network",
        "actionplan",
        "events",
        "practices",
        "news",
        "governance",
        "newsletter",
        "surveys",
    ],
)
def test_real_content_has_nl_fr_and_en_side_by_side(area: str):
    found = 0
    for path in files(area):
        for where, text in texts(content.read_yaml(path)):
            found += 1
            assert set(text) == LANGUAGES, f"{path}{where}: {sorted(text)}"
            assert all(isinstance(value, str) for value in text.values()), f"{path}{where}"
            if any(text.values()):
                assert text["nl"].strip(), f"{path}{where}: no Dutch"
    assert found, area


def test_demo_texts_have_dutch_and_mostly_french_and_english():
    paths = files("demo")
    assert {p.relative_to(settings.BASE_DIR / "content" / "demo").parts[0] for p in paths} == {
        "network",
        "actionplan",
        "events",
        "practices",
        "news",
        "governance",
        "newsletter",
        "surveys",
    }
    only_dutch = []
    for path in paths:
        for where, text in texts(content.read_yaml(path)):
            assert text.get("nl", "").strip(), f"{path}{where}: no Dutch"
            if set(text) != LANGUAGES:
                only_dutch.append(f"{path.name}{where}")
    # As in the demo literals they came from: only the demo call's audience is Dutch only.
    assert only_dutch == ["demo-oproep-nabijheid.yaml.audience"]


def test_items_refuses_demo_data():
    with pytest.raises(ValueError, match="demo"):
        content.items("demo/network")
    assert content.demo_items("network")


@pytest.mark.django_db
def test_the_production_loaders_never_read_demo_files(monkeypatch):
    read: list[Path] = []
    original = content.read_yaml

    def spy(path: Path) -> Any:
        read.append(path)
        return original(path)

    monkeypatch.setattr(content, "read_yaml", spy)
    for command in LOADERS:
        call_command(command, verbosity=0)
        call_command(command, "--update", verbosity=0)
    root = settings.BASE_DIR / "content"
    assert read
    assert {p.relative_to(root).parts[0] for p in read} == {
        "identity",
        "network",
        "actionplan",
        "events",
        "practices",
        "news",
        "governance",
        "newsletter",
        "surveys",
    }
    # Every real file is read; no demo file is.
    assert set(read) == {p for p in files() if "demo" not in p.relative_to(root).parts}
