"""Translatable texts for the OpenAPI document (summaries, descriptions, tags).

ninja types these as `str`; a lazy text is one until it is rendered, in the language the
document is asked in. Import as `_` so that makemessages finds the msgids."""

from __future__ import annotations

from typing import cast

from django.utils.translation import gettext_lazy


def lazy(message: str) -> str:
    return cast(str, gettext_lazy(message))
