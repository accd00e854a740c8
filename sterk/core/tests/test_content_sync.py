"""`sterk.core.content.sync`: the one re-run rule of every content loader (issue 9).

Create what is missing; on `--update`, overwrite only the fields nobody edited since the
last sync (kept ones are counted); a second run writes nothing."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sterk.core import content
from sterk.core.content import SyncRun, fingerprint, sync
from sterk.core.models import ContentRecord
from sterk.identity.models import Krachtlijn

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")
LOADERS = content.CONTENT_LOADERS


def writes(queries: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)
    ]


def values(title: str = "Nabijheid", summary: str = "Dichtbij.") -> dict[str, object]:
    return {
        "number": 1,
        "title_nl": title,
        "title_fr": "Proximité",
        "title_en": "Proximity",
        "summary_nl": summary,
    }


def run_sync(*, update: bool = False, **kwargs: str) -> tuple[SyncRun, Krachtlijn]:
    run = SyncRun(update=update)
    obj = sync(
        run,
        key="identity.krachtlijn:nabijheid",
        model=Krachtlijn,
        lookup={"slug": "nabijheid"},
        values=values(**kwargs),
    )
    return run, obj


def test_creates_what_is_missing_and_records_what_it_wrote():
    run, obj = run_sync()
    assert run.total("created") == 1
    assert (obj.title_nl, obj.title_fr, obj.summary_nl) == ("Nabijheid", "Proximité", "Dichtbij.")
    record = ContentRecord.objects.get(key="identity.krachtlijn:nabijheid")
    assert record.object_id == str(obj.pk)
    assert record.hashes["title_nl"] == [fingerprint("Nabijheid")] * 2


def test_a_plain_run_leaves_existing_objects_alone():
    run_sync()
    Krachtlijn.objects.filter(slug="nabijheid").update(summary_nl="Aangepast.")
    with CaptureQueriesContext(connection) as queries:
        run, obj = run_sync(title="Nieuwe titel", summary="Nieuw.")
    assert writes(queries) == []
    assert run.total("unchanged") == 1
    assert (obj.title_nl, obj.summary_nl) == ("Nabijheid", "Aangepast.")


def test_update_overwrites_unedited_fields_and_keeps_edited_ones():
    run_sync()
    Krachtlijn.objects.filter(slug="nabijheid").update(summary_nl="Aangepast in het beheer.")
    run, obj = run_sync(update=True, title="Nabijheid en bereikbaarheid", summary="Nieuw.")
    obj.refresh_from_db()
    assert obj.title_nl == "Nabijheid en bereikbaarheid"  # nobody edited it: follows the file
    assert obj.summary_nl == "Aangepast in het beheer."  # edited: kept
    assert (run.total("updated"), run.total("kept"), run.total("created")) == (1, 1, 0)
    assert run.kept_fields == ["identity.krachtlijn:nabijheid: summary_nl"]
    assert "1 updated, 1 kept because edited" in run.summary()

    # The same files again: nothing to write, the edit is still kept.
    with CaptureQueriesContext(connection) as queries:
        again, obj = run_sync(update=True, title="Nabijheid en bereikbaarheid", summary="Nieuw.")
    assert writes(queries) == []
    assert again.total("updated") == 0 and again.total("kept") == 1
    assert obj.summary_nl == "Aangepast in het beheer."


def test_an_edit_back_to_the_files_value_is_followed_again():
    run_sync()
    Krachtlijn.objects.filter(slug="nabijheid").update(summary_nl="Aangepast.")
    run_sync(update=True, summary="Aangepast.")  # the file now says the same
    run, obj = run_sync(update=True, summary="Later herschreven.")
    assert obj.summary_nl == "Later herschreven." and run.total("updated") == 1


def test_rows_loaded_before_the_records_existed_are_never_overwritten_when_they_differ():
    Krachtlijn.objects.create(
        slug="nabijheid", number=1, title_nl="Nabijheid", summary_nl="Met de hand geschreven."
    )
    run_sync()  # a plain run adopts only the fields that equal the file
    record = ContentRecord.objects.get()
    assert "title_nl" in record.hashes and "summary_nl" not in record.hashes
    run, obj = run_sync(update=True, title="Nieuwe titel", summary="Uit het bestand.")
    assert obj.title_nl == "Nieuwe titel"
    assert obj.summary_nl == "Met de hand geschreven."
    assert run.kept_fields == ["identity.krachtlijn:nabijheid: summary_nl"]


def test_a_new_field_fills_an_empty_value_on_update():
    run_sync()
    run = SyncRun(update=True)
    obj = sync(
        run,
        key="identity.krachtlijn:nabijheid",
        model=Krachtlijn,
        lookup={"slug": "nabijheid"},
        values={**values(), "summary_fr": "Proche."},
    )
    assert obj.summary_fr == "Proche." and run.total("updated") == 1


def test_every_loader_runs_twice_without_writing(tmp_path: Path):
    for command in LOADERS:
        call_command(command, verbosity=0)
    records = ContentRecord.objects.count()
    assert records > 50
    with CaptureQueriesContext(connection) as queries:
        for command in LOADERS:
            call_command(command, verbosity=0)
            call_command(command, "--update", verbosity=0)
    assert writes(queries) == []
    assert ContentRecord.objects.count() == records


def test_commands_report_created_updated_and_kept(settings, tmp_path: Path):
    out = io.StringIO()
    call_command("load_content", stdout=out)
    assert "created, 0 updated, 0 kept because edited, 0 unchanged" in out.getvalue()

    # An editor changes one krachtlijn's summary; the files change its title and summary.
    Krachtlijn.objects.filter(slug="nabijheid").update(summary_nl="Van de coördinator.")
    source = tmp_path / "content"
    shutil.copytree(settings.BASE_DIR / "content", source)
    path = next((source / "identity" / "krachtlijnen").glob("*-nabijheid.yaml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["title"]["nl"] = "Nabijheid (herschreven)"
    data["summary"]["nl"] = "Herschreven in de bron."
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    settings.STERK_CONTENT_DIR = source

    out = io.StringIO()
    call_command("load_content", "--update", "-v", "2", stdout=out)
    text = out.getvalue()
    assert "0 created, 1 updated, 1 kept because edited" in text
    assert "kept (edited): identity.krachtlijn:nabijheid: summary_nl" in text
    nabijheid = Krachtlijn.objects.get(slug="nabijheid")
    assert nabijheid.title_nl == "Nabijheid (herschreven)"
    assert nabijheid.summary_nl == "Van de coördinator."
