"""The downloads' registry: each resource's whole public list, as its API list reads it.

A resource module (sterk.api.resources.<area>) declares `DATASETS`, one `Dataset` per list
it offers for download. The open-data builder (sterk.api.opendata) writes each in every
language as JSON (the API's objects, in the API's shape), CSV and XLSX, and zips them all.
Schemas used here must not need the request in their resolvers (links are built with
sterk.api.fields.page_url, on STERK_SITE_URL), so a scheduled job can serialise them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.functional import Promise
from ninja import Schema

CHUNK = 2000


@dataclass(frozen=True)
class Dataset:
    name: str  # the file name: <name>.json, <name>.csv; also the list's API path
    title: str | Promise
    description: str | Promise
    schema: type[Schema]
    rows: Callable[[], Iterable[Any]]  # the whole public list, in the API's order
    # The terms of reuse; a dataset whose source sets other terms names them here.
    licence: str = "CC BY 4.0"

    def objects(self) -> list[dict[str, Any]]:
        """The rows in the active language, as the API shows them."""
        return list(self.iter_objects())

    def iter_objects(self) -> Iterator[dict[str, Any]]:
        """`objects()` one at a time, for the builder: a queryset is read in chunks (its
        prefetches per chunk), so a large list never sits in memory whole."""
        rows = self.rows()
        if isinstance(rows, QuerySet):
            rows = rows.iterator(chunk_size=CHUNK)
        for row in rows:
            yield self.schema.from_orm(row).model_dump(mode="json")
