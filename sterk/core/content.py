"""Content as data: read `content/<area>/*.yaml` and write it to the database with one rule.

Every loader (`load_content`, `load_actionplan`, `load_events`, `load_practices`,
`load_news` and the demo loaders) reads its files with `items()` (or `demo_items()`), maps them to model fields
and calls `sync()` once per object. The one re-run rule:

- an object that does not exist (found by its natural key: a slug, a code) is created;
- an object that exists is left alone, unless the run is an update (`--update`);
- on an update, a field is overwritten only if nobody edited it since the last sync: its
  current value still hashes to what the sync wrote last (a `ContentRecord` keeps one hash
  per field). A field edited in the management area is kept and counted as such.

A second run with nothing changed in the files writes nothing. Core knows no domain app:
the loaders pass the model, the natural-key lookup, the field values and, where a domain
service must do the writing (audit, slugs, many-to-many), `create`/`save` callables.

Files under `content/demo/` are demo data: `items()` refuses them, so a production loader
can never load them by accident; only `demo_items()` (used by the `*_demo` commands) reads
them.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import yaml
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation

from .models import ContentRecord

# The loaders of the real content (never the demo data), in the order `make content` runs
# them: each area's loader may refer to what the ones before it made.
CONTENT_LOADERS = (
    "load_content",
    "load_actionplan",
    "load_events",
    "load_practices",
    "load_news",
    "load_governance",
    "load_newsletter",
    "load_surveys",
)
LANGUAGES = ("nl", "fr", "en")
DEMO = "demo"
Text = dict[str, str]
M = TypeVar("M", bound=models.Model)


def root() -> Path:
    return Path(getattr(settings, "STERK_CONTENT_DIR", settings.BASE_DIR / "content"))


# --- reading ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    key: str  # the path below content/ without ".yaml", e.g. "identity/krachtlijnen/01-nabijheid"
    data: Any


def read_yaml(path: Path) -> Any:
    """One file, parsed with `yaml.safe_load` (never `yaml.load`)."""
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _items(area: str) -> list[Item]:
    base = root()
    folder = base / area
    if folder.is_file() or folder.with_suffix(".yaml").is_file():
        paths = [folder if folder.is_file() else folder.with_suffix(".yaml")]
    else:
        paths = sorted(folder.glob("*.yaml"))
    return [
        Item(key=path.relative_to(base).with_suffix("").as_posix(), data=read_yaml(path))
        for path in paths
    ]


def items(area: str) -> list[Item]:
    """The real content of `content/<area>/` (a folder of files, sorted by name, or one
    file `content/<area>.yaml`). Refuses `content/demo/`."""
    if area.split("/", 1)[0] == DEMO:
        raise ValueError(f"{area!r} is demo data: production loaders never read content/demo/")
    return _items(area)


def item(area: str) -> Any:
    """The data of the single file `content/<area>.yaml`."""
    (found,) = items(area)
    return found.data


def demo_items(area: str) -> list[Item]:
    """The demo data of `content/demo/<area>/` (only for the `*_demo` commands)."""
    return _items(f"{DEMO}/{area}")


def demo_item(area: str) -> Any:
    (found,) = demo_items(area)
    return found.data


def translated(name: str, text: Mapping[str, str] | None) -> dict[str, str]:
    """`{"nl": a, "fr": b}` -> `{"<name>_nl": a, "<name>_fr": b}` (only the languages given)."""
    return {f"{name}_{lang}": text[lang] for lang in LANGUAGES if text and lang in text}


# --- hashing ----------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC)
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float, Decimal)):
        return str(Decimal(str(value)).normalize())
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


def fingerprint(value: Any) -> str:
    """A short, stable hash of a field value (a date, a Decimal and a related object are
    hashed by their plain form, so the value read back from the database hashes the same as
    the value in the file)."""
    text = json.dumps(_plain(value), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _current(obj: models.Model, name: str) -> Any:
    model_field = obj._meta.get_field(name)
    if isinstance(model_field, models.ForeignKey):  # also one-to-one
        return getattr(obj, model_field.attname)  # the id: no query for the related row
    return getattr(obj, name)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


# --- writing ----------------------------------------------------------------------------


@dataclass
class SyncRun:
    """One run of a loader: whether it updates, what it did (counts per model and outcome),
    and the records it read (all at once, one query)."""

    update: bool = False
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    kept_fields: list[str] = field(default_factory=list)
    _records: dict[str, ContentRecord] | None = None

    def records(self) -> dict[str, ContentRecord]:
        if self._records is None:
            self._records = {r.key: r for r in ContentRecord.objects.all()}
        return self._records

    def total(self, outcome: str) -> int:
        return sum(n for (_label, what), n in self.counts.items() if what == outcome)

    def summary(self) -> str:
        return (
            f"{self.total('created')} created, {self.total('updated')} updated, "
            f"{self.total('kept')} kept because edited, {self.total('unchanged')} unchanged"
        )

    def details(self) -> list[str]:
        return [f"  {label} {what}: {n}" for (label, what), n in sorted(self.counts.items())]

    def _remember(self, key: str, obj: models.Model, hashes: dict[str, list[str]]) -> None:
        records = self.records()
        record = records.get(key)
        content_type = ContentType.objects.get_for_model(obj)
        if record is None:
            record = ContentRecord(key=key)
        record.content_type = content_type
        record.object_id = str(obj.pk)
        record.hashes = hashes
        record.save()
        records[key] = record


def _default_create(model: type[M], data: dict[str, Any]) -> M:
    obj = model(**data)
    obj.full_clean()
    obj.save()
    return obj


def _default_save(obj: M, changed: dict[str, Any]) -> M:
    for name, value in changed.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return obj


def sync(
    run: SyncRun,
    *,
    key: str,
    model: type[M],
    lookup: dict[str, Any],
    values: dict[str, Any],
    # Called as create(data) and save(obj, changed); `...` lets a loader bind its item with
    # a default argument (`lambda data, item=item: ...`) inside a loop.
    create: Callable[..., M] | None = None,
    save: Callable[..., M] | None = None,
) -> M:
    """Create the object `lookup` finds if it is missing (from `lookup` and `values`, or by
    `create(data)`); on an update run, overwrite the fields of `values` nobody edited since
    the last sync (by `save(obj, changed)`, or set, `full_clean` and save). Returns the
    object. `key` names the object in the content (stable across runs: a natural key)."""
    label = model._meta.model_name or model.__name__
    obj = model._default_manager.filter(**lookup).first()
    wanted = {name: fingerprint(value) for name, value in values.items()}
    # The untranslated column of a modeltranslation field takes the active language's value
    # on save: keep it in the default language.
    with translation.override(settings.LANGUAGE_CODE):
        if obj is None:
            data = {**lookup, **values}
            obj = create(data) if create is not None else _default_create(model, data)
            run._remember(key, obj, _written(obj, wanted))
            run.counts[(label, "created")] += 1
            return obj

        record = run.records().get(key)
        known = (
            record is not None
            and record.object_id == str(obj.pk)
            and record.content_type_id == ContentType.objects.get_for_model(obj).pk
        )
        # Per field: [hash of the file's value, hash of the value the database then held].
        hashes: dict[str, list[str]] = dict(record.hashes) if record is not None and known else {}
        current = {name: fingerprint(_current(obj, name)) for name in values}

        if not run.update:
            if not known:
                # Written before the sync kept records (or by hand): adopt only the fields
                # that equal the file, so a later --update never overwrites an edit.
                run._remember(key, obj, {n: [h, h] for n, h in wanted.items() if current[n] == h})
            run.counts[(label, "unchanged")] += 1
            return obj

        changed: dict[str, Any] = {}
        kept: list[str] = []
        new_hashes = dict(hashes)
        for name, value in values.items():
            stored = hashes.get(name)
            untouched = stored is not None and current[name] == stored[1]
            if untouched and stored is not None and stored[0] == wanted[name]:
                continue  # neither the file nor the database changed
            if current[name] == wanted[name]:
                new_hashes[name] = [wanted[name], current[name]]
            elif untouched or (stored is None and _empty(_current(obj, name))):
                changed[name] = value
            else:
                kept.append(name)  # edited in the management area since the last sync
        if changed:
            obj = save(obj, changed) if save is not None else _default_save(obj, changed)
            new_hashes.update(_written(obj, {n: wanted[n] for n in changed}))
        if not known or new_hashes != hashes:
            run._remember(key, obj, new_hashes)
        run.kept_fields.extend(f"{key}: {name}" for name in kept)
        if changed:
            run.counts[(label, "updated")] += 1
        if kept:
            run.counts[(label, "kept")] += 1
        if not changed and not kept:
            run.counts[(label, "unchanged")] += 1
        return obj


def _written(obj: models.Model, wanted: dict[str, str]) -> dict[str, list[str]]:
    """What a sync just wrote: the file's hash and the hash of the value the object holds
    (a service may normalise a value, e.g. clean a list of questions)."""
    return {name: [h, fingerprint(_current(obj, name))] for name, h in wanted.items()}


# --- the commands -----------------------------------------------------------------------


def add_arguments(parser: Any) -> None:
    """The options every loader command shares."""
    parser.add_argument(
        "--update",
        action="store_true",
        help="Also bring existing items in line with the files, except the fields edited in "
        "the management area since the last load (those are kept and counted).",
    )
    parser.add_argument(
        "--only-missing",
        action="store_true",
        help="Only create what is missing (the default; kept for existing scripts).",
    )


def report(command: Any, run: SyncRun, what: str, verbosity: int) -> None:
    """Write the counts of a run to a management command's stdout."""
    if verbosity >= 2:
        for line in run.details():
            command.stdout.write(line)
        for name in run.kept_fields:
            command.stdout.write(f"  kept (edited): {name}")
    if verbosity >= 1:
        command.stdout.write(command.style.SUCCESS(f"{what}: {run.summary()}."))
