"""The downloads' registry: each resource's whole public list, as its API list reads it.

A resource module (sterk.api.resources.<area>) declares `DATASETS`, one `Dataset` per list
it offers for download. The open-data builder (sterk.api.opendata) writes each in every
language as JSON (the API's objects, in the API's shape) and CSV, and zips them all.
Schemas used here must not need the request in their resolvers (links are built with
sterk.api.fields.page_url, on STERK_SITE_URL), so a scheduled job can serialise them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from ninja import Schema


@dataclass(frozen=True)
class Dataset:
    name: str  # the file name: <name>.json, <name>.csv; also the list's API path
    title: str | Promise
    description: str | Promise
    schema: type[Schema]
    rows: Callable[[], Iterable[Any]]  # the whole public list, in the API's order

    def objects(self) -> list[dict[str, Any]]:
        """The rows in the active language, as the API shows them."""
        return [self.schema.from_orm(row).model_dump(mode="json") for row in self.rows()]
