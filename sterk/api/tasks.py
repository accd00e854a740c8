"""The open-data build as a job: the coordinator's rebuild enqueues it (sterk.api.opendata
`open_data_rebuild_request`); the nightly run is the `build_open_data` command."""

from __future__ import annotations

from django_tasks import task

from . import opendata


@task()
def build_open_data() -> dict[str, object]:
    manifest = opendata.open_data_build()
    return {"build": manifest.build, "files": len(manifest.files)}
