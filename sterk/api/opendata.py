"""The open-data files: every dataset (sterk.api.resources DATASETS) in every language as
JSON, CSV and XLSX, and one zip of them all with a README and the licence.

Where they live: Django's default storage, under `opendata/`:

- `opendata/builds/<build>/<file>`: the files of one build (`<build>` sorts by time);
- `opendata/manifests/<build>.json`: written last, once every file of its build is
  stored. It names each file (download name -> stored path, size, SHA-256, rows).

The newest manifest that reads whole is the current build: a rebuild writes its files
beside the current ones and only then its manifest, so a download never sees a half-
written file, and a manifest cut short (a crash while writing it) fails to parse and the
one before it stays current. The two newest builds are kept (a download that started
before the switch finishes), older ones are deleted.

CSV: UTF-8 with a BOM and `;` between fields (sterk.core.exports: what Excel expects in
Belgium), text that a spreadsheet would run as a formula gets a leading apostrophe.
Nested objects are flattened as sterk.api.flatten says. The JSON files carry the API's
objects unchanged, under a small header (name, language, built_at, licence, source).
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import hashlib
import json
import logging
import secrets
import shutil
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from sterk.core import exports, pagecache
from sterk.core.audit import audit_record
from sterk.core.site import absolute_url

from . import flatten
from .datasets import Dataset

logger = logging.getLogger(__name__)

ROOT = "opendata"
BUILDS = f"{ROOT}/builds"
MANIFESTS = f"{ROOT}/manifests"
ZIP_NAME = "sterk-sociaal-werk-open-data.zip"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
FORMATS = ("json", "csv", "xlsx")
CONTENT_TYPES = {
    "json": "application/json",
    "csv": exports.CSV_CONTENT_TYPE,
    "xlsx": exports.XLSX_CONTENT_TYPE,
    "zip": "application/zip",
}
KEEP = 2  # builds kept: the current one and the one before it
ORPHAN_AGE = datetime.timedelta(hours=6)  # a build without a manifest this old crashed
SPOOL = 8 * 1024 * 1024  # a file in the making stays in memory up to this size


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def file_name(dataset: str, language: str, fmt: str) -> str:
    return f"{dataset}.{language}.{fmt}"


# --- the manifest ---------------------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    build: str
    built_at: datetime.datetime
    files: dict[str, dict[str, Any]]  # download name -> path, size, sha256, format, ...

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        return cls(
            build=str(data["build"]),
            built_at=datetime.datetime.fromisoformat(data["built_at"]),
            files=dict(data["files"]),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "build": self.build,
            "built_at": timezone.localtime(self.built_at).isoformat(),
            "licence": LICENCE,
            "files": self.files,
        }

    def file(self, dataset: str, language: str, fmt: str) -> dict[str, Any] | None:
        return self.files.get(file_name(dataset, language, fmt))

    @property
    def zip(self) -> dict[str, Any] | None:
        return self.files.get(ZIP_NAME)


def _manifest_names() -> list[str]:
    """Manifest file names, newest first."""
    try:
        _dirs, names = default_storage.listdir(MANIFESTS)
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted((n for n in names if n.endswith(".json")), reverse=True)


def _read_manifest(name: str) -> Manifest | None:
    try:
        with default_storage.open(f"{MANIFESTS}/{name}", "rb") as handle:
            return Manifest.from_json(json.loads(handle.read()))
    except (OSError, ValueError, KeyError, TypeError):
        # Still being written, or cut short: not a build anyone may download from.
        return None


def current() -> Manifest | None:
    """The newest complete build, or None before the first one."""
    for name in _manifest_names():
        manifest = _read_manifest(name)
        if manifest is not None:
            return manifest
    return None


def open_file(manifest: Manifest, name: str) -> IO[bytes]:
    return default_storage.open(manifest.files[name]["path"], "rb")


# --- writing one file -----------------------------------------------------------------


class _Sink:
    """A file in the making: written to a spooled temporary file, hashed and counted on
    the way, then stored under its build's folder."""

    def __init__(self) -> None:
        # Closed by store(); on an error the garbage collector removes it.
        self.file = tempfile.SpooledTemporaryFile(max_size=SPOOL)  # noqa: SIM115
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.file.write(data)
        self.digest.update(data)
        self.size += len(data)

    def store(self, path: str, **facts: Any) -> dict[str, Any]:
        self.file.seek(0)
        stored = default_storage.save(path, File(self.file, name=path))
        self.file.close()
        return {"path": stored, "size": self.size, "sha256": self.digest.hexdigest(), **facts}


class _Text:
    """What csv.writer writes to: text, encoded into a sink."""

    def __init__(self, sink: _Sink) -> None:
        self.sink = sink

    def write(self, text: str) -> None:
        self.sink.write(text.encode("utf-8"))


def _csv_cell(value: Any) -> Any:
    value = exports.defuse(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _json_head(dataset: Dataset, language: str, built_at: datetime.datetime) -> dict[str, Any]:
    return {
        "name": dataset.name,
        "title": str(dataset.title),
        "description": str(dataset.description),
        "language": language,
        "built_at": timezone.localtime(built_at).isoformat(),
        "licence": dataset.licence,
        "licence_url": LICENCE_URL if dataset.licence == LICENCE else None,
        "source": absolute_url(reverse("api_pages:opendata")),
        "api": absolute_url(f"/api/v1/{dataset.name}?lang={language}"),
    }


def _write_dataset(
    folder: str, dataset: Dataset, language: str, built_at: datetime.datetime
) -> dict[str, dict[str, Any]]:
    """One dataset in one language (the active one) as JSON, CSV and XLSX, in one pass
    over its rows: the XLSX writer pulls the rows, and each row is written to the JSON
    and the CSV on its way there."""
    columns = flatten.columns(dataset.schema)
    header = [column.header for column in columns]
    json_sink, csv_sink = _Sink(), _Sink()
    head = json.dumps(_json_head(dataset, language, built_at), ensure_ascii=False)
    json_sink.write((head[:-1] + ', "objects": [').encode())
    csv_sink.write(exports.BOM.encode("utf-8"))
    writer = csv.writer(_Text(csv_sink), delimiter=exports.DELIMITER)
    writer.writerow([_csv_cell(h) for h in header])
    count = 0

    def rows() -> Iterator[list[Any]]:
        nonlocal count
        for obj in dataset.iter_objects():
            text = json.dumps(obj, ensure_ascii=False)
            json_sink.write((("\n" if count == 0 else ",\n") + text).encode())
            values = flatten.row(obj, columns)
            writer.writerow([_csv_cell(v) for v in values])
            count += 1
            yield values

    xlsx = exports.xlsx_bytes(dataset.title, header, rows())
    json_sink.write(b"\n]}\n")
    facts = {"dataset": dataset.name, "language": language}
    files = {}
    for fmt, sink in (("json", json_sink), ("csv", csv_sink)):
        name = file_name(dataset.name, language, fmt)
        files[name] = sink.store(f"{folder}/{name}", format=fmt, rows=count, **facts)
    xlsx_sink = _Sink()
    xlsx_sink.write(xlsx)
    name = file_name(dataset.name, language, "xlsx")
    files[name] = xlsx_sink.store(f"{folder}/{name}", format="xlsx", rows=count, **facts)
    return files


def _readme(datasets: Sequence[Dataset], built_at: datetime.datetime) -> str:
    """README.txt of the zip: what the files are, in each language."""
    parts = []
    for language in languages():
        with translation.override(language):
            parts.append(
                render_to_string(
                    "api/opendata_readme.txt",
                    {
                        "datasets": [
                            {
                                "dataset": d,
                                "files": [file_name(d.name, language, f) for f in FORMATS],
                            }
                            for d in datasets
                        ],
                        "languages": languages(),
                        "zip_name": ZIP_NAME,
                        "built_at": built_at,
                        "licence": LICENCE,
                        "licence_url": LICENCE_URL,
                        "page_url": absolute_url(reverse("api_pages:opendata")),
                        "api_url": absolute_url("/api/v1/"),
                        "separator": flatten.SEPARATOR,
                        "delimiter": exports.DELIMITER,
                    },
                )
            )
    return "\n\n".join(part.strip() for part in parts) + "\n"


def _licence_text(built_at: datetime.datetime) -> str:
    return (
        f"Sterk Sociaal Werk open data, built {timezone.localtime(built_at).isoformat()}\n"
        f"Source: {absolute_url(reverse('api_pages:opendata'))}\n\n"
        "Licence: Creative Commons Attribution 4.0 International (CC BY 4.0), unless the\n"
        "README names other terms for a dataset.\n"
        f"{LICENCE_URL}\n"
        f"{LICENCE_URL}legalcode\n\n"
        "You may share and adapt the data for any purpose, also commercially, if you give\n"
        'appropriate credit ("Source: Sterk Sociaal Werk"), link to the licence and say\n'
        "whether you made changes.\n"
    )


def _write_zip(
    folder: str, files: dict[str, dict[str, Any]], extra: dict[str, str], built_at: Any
) -> dict[str, Any]:
    """The zip of every file (read back from storage one by one) and the extra texts."""
    sink = _Sink()
    stamp = timezone.localtime(built_at).timetuple()[:6]
    with zipfile.ZipFile(sink.file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in extra.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            archive.writestr(info, text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
        for name, entry in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            with (
                default_storage.open(entry["path"], "rb") as src,
                archive.open(info, "w", force_zip64=entry["size"] > 2**30) as dst,
            ):
                shutil.copyfileobj(src, dst, 1024 * 1024)
    # The zip was written through zipfile, not sink.write: hash and count it now.
    sink.file.seek(0)
    for chunk in iter(lambda: sink.file.read(1024 * 1024), b""):
        sink.digest.update(chunk)
        sink.size += len(chunk)
    return sink.store(f"{folder}/{ZIP_NAME}", format="zip", files=len(files) + len(extra))


def _build_id(built_at: datetime.datetime) -> str:
    utc = built_at.astimezone(datetime.UTC)
    return utc.strftime("%Y%m%dT%H%M%S%fZ") + "-" + secrets.token_hex(3)


def open_data_build(*, datasets: Sequence[Dataset] | None = None) -> Manifest:
    """Build every file anew and make the build current (see the module's docstring).
    Reads only public data, in every language, anonymously."""
    if datasets is None:
        from .resources import DATASETS

        datasets = DATASETS
    now = timezone.now()
    build = _build_id(now)  # to the microsecond: builds sort by it
    built_at = now.replace(microsecond=0)  # what people read (and HTTP dates hold)
    folder = f"{BUILDS}/{build}"
    files: dict[str, dict[str, Any]] = {}
    for dataset in datasets:
        for language in languages():
            with translation.override(language):
                files.update(_write_dataset(folder, dataset, language, built_at))
    extra = {"README.txt": _readme(datasets, built_at), "LICENSE.txt": _licence_text(built_at)}
    files[ZIP_NAME] = _write_zip(folder, files, extra, built_at)
    manifest = Manifest(build=build, built_at=built_at, files=files)
    body = json.dumps(manifest.to_json(), ensure_ascii=False, indent=1).encode()
    default_storage.save(f"{MANIFESTS}/{build}.json", ContentFile(body))
    # The open-data page shows the build: a change the database does not see.
    pagecache.bump()
    _clean_up(keep=build)
    logger.info("open data built: %s (%d files)", build, len(files))
    return manifest


def _delete_folder(folder: str) -> None:
    try:
        dirs, names = default_storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in dirs:
        _delete_folder(f"{folder}/{name}")
    for name in names:
        default_storage.delete(f"{folder}/{name}")
    # A storage without folders (object storage) has nothing left to delete.
    with contextlib.suppress(OSError):
        default_storage.delete(folder)


def _clean_up(*, keep: str) -> None:
    """Delete the builds older than the KEEP newest complete ones, and what a crashed
    build left (files without a manifest, a manifest cut short) once it is too old to be
    a build still in the making."""
    manifests = [name.removesuffix(".json") for name in _manifest_names()]
    complete = [build for build in manifests if _read_manifest(f"{build}.json") is not None]
    kept = set(complete[:KEEP]) | {keep}
    oldest_allowed = _build_id(timezone.now() - ORPHAN_AGE)
    for build in manifests:
        if build in kept or (build not in complete and build >= oldest_allowed):
            continue
        default_storage.delete(f"{MANIFESTS}/{build}.json")
        _delete_folder(f"{BUILDS}/{build}")
    try:
        folders, _names = default_storage.listdir(BUILDS)
    except (FileNotFoundError, NotADirectoryError):
        return
    for build in folders:
        if build not in kept and build not in manifests and build < oldest_allowed:
            _delete_folder(f"{BUILDS}/{build}")


# --- the coordinator's rebuild --------------------------------------------------------


def open_data_rebuild_request(*, actor: Any) -> None:
    """The coordinator asks for a rebuild now: recorded in the audit trail, built by a job
    once the request's transaction commits (the build takes a while on a large platform;
    with the Immediate backend it runs at once)."""
    audit_record(
        actor=actor,
        action="opendata.rebuild_requested",
        object_repr="Open data",
    )
    transaction.on_commit(_enqueue_build)


def _enqueue_build() -> None:
    from .tasks import build_open_data

    build_open_data.enqueue()
