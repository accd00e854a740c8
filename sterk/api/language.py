"""The language of an API response: `?lang=` first, then Accept-Language, then Dutch.

The same languages and the same fallback as the pages: a text without a translation is
shown in Dutch (MODELTRANSLATION_FALLBACK_LANGUAGES). A session's or cookie's language is
never read: an API response depends on its URL and headers only, so public caches may
keep it."""

from __future__ import annotations

from typing import Literal

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

Language = Literal["nl", "fr", "en"]
CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
DEFAULT = "nl"


def from_request(request: HttpRequest) -> str:
    asked = request.GET.get("lang", "")
    if asked in CODES:
        return asked
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if code == "*":
            break
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return DEFAULT
