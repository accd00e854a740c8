"""Build the open-data files (every dataset in every language as JSON, CSV and XLSX, and
the zip) and make them the current download. Run it once a day from cron:

    30 3 * * *  cd /srv/sterk && .venv/bin/python manage.py build_open_data

Safe at any moment and in parallel with downloads (sterk.api.opendata: the new files are
switched to only once they are all stored)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sterk.api import opendata


class Command(BaseCommand):
    help = "Build the open-data downloads (JSON, CSV, XLSX and the zip) anew."

    def handle(self, *args: Any, **options: Any) -> None:
        manifest = opendata.open_data_build()
        size = sum(entry["size"] for entry in manifest.files.values())
        self.stdout.write(
            f"Open data built: {manifest.build}, {len(manifest.files)} files, {size} bytes."
        )
