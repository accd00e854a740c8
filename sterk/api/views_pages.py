"""The open-data page (/nl/open-data/), its downloads, and the API documentation page."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from sterk.actionplan import selectors as actionplan_selectors
from sterk.surveys import selectors as survey_selectors

from . import opendata
from .resources import DATASETS

# A rebuild shows within minutes; a cache revalidates with the ETag after that.
DOWNLOAD_MAX_AGE = 300


def _language_names() -> dict[str, str]:
    return dict(settings.LANGUAGES)


def _dataset_rows(manifest: opendata.Manifest | None) -> list[dict[str, Any]]:
    """Per dataset: its title, description, API list and, per format, one link per
    language (only what the current build holds: a dataset added since the last build
    has its API but no files until the next one)."""
    names = _language_names()
    rows = []
    for dataset in DATASETS:
        formats = []
        for fmt in opendata.FORMATS:
            links = []
            for language in opendata.languages():
                entry = manifest.file(dataset.name, language, fmt) if manifest else None
                if entry is not None:
                    name = opendata.file_name(dataset.name, language, fmt)
                    links.append(
                        {
                            "language": language,
                            "language_name": names[language],
                            "url": reverse("api_pages:download", args=[name]),
                            "size": entry["size"],
                            "rows": entry.get("rows"),
                        }
                    )
            formats.append({"format": fmt, "links": links})
        rows.append(
            {
                "dataset": dataset,
                "api_url": f"/api/v1/{dataset.name}",
                "formats": formats,
                "licence": dataset.licence,
            }
        )
    return rows


@require_safe
def opendata_page(request: HttpRequest) -> HttpResponse:
    manifest = opendata.current()
    plan = actionplan_selectors.current_plan()
    # The surveys whose results page is public (the results PDF is its print version).
    surveys = survey_selectors.surveys_with_public_outcome().filter(
        results_published_at__isnull=False
    )
    context = {
        "manifest": manifest,
        "zip": manifest.zip if manifest else None,
        "zip_url": reverse("api_pages:download", args=[opendata.ZIP_NAME]),
        "datasets": _dataset_rows(manifest),
        "licence": opendata.LICENCE,
        "licence_url": opendata.LICENCE_URL,
        "plan": plan,
        "surveys": surveys,
    }
    return render(request, "api/opendata.html", context)


@require_safe
def download(request: HttpRequest, filename: str) -> HttpResponseBase:
    """One file of the current build, by its download name. Only names the manifest holds
    are served (a name is never a path), so nothing else in storage can be reached."""
    manifest = opendata.current()
    if manifest is None or filename not in manifest.files:
        raise Http404("No such open-data file")
    entry = manifest.files[filename]
    etag = f'"{entry["sha256"]}"'
    last_modified = int(manifest.built_at.astimezone(datetime.UTC).timestamp())
    response: HttpResponseBase | None = get_conditional_response(
        request, etag=etag, last_modified=last_modified
    )
    if response is None:
        fmt = filename.rsplit(".", 1)[-1]
        response = FileResponse(
            opendata.open_file(manifest, filename),
            as_attachment=True,
            filename=filename,
            content_type=opendata.CONTENT_TYPES[fmt],
        )
        response["Content-Length"] = str(entry["size"])
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = f"public, max-age={DOWNLOAD_MAX_AGE}"
    # Public data: a partner's page may fetch a JSON file from the browser.
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return response
