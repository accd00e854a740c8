"""The layout's parts that only the code and the language decide (stylesheet links, the
footer's links) are kept per process and language (#14): each language keeps its own,
and nothing of one request shows in another's."""

import pytest
from django.core.cache import caches
from django.test import Client

pytestmark = pytest.mark.django_db


def test_each_language_gets_its_own_kept_footer_and_the_same_stylesheets():
    caches["layout"].clear()
    pages = {lang: Client().get(f"/{lang}/over/").content.decode() for lang in ("nl", "fr", "en")}
    again = Client().get("/fr/over/").content.decode()
    assert 'href="/nl/over/">Over het platform</a>' in pages["nl"]
    assert 'href="/fr/over/">' in pages["fr"] and ">Données ouvertes</a>" in pages["fr"]
    assert 'href="/en/over/">' in pages["en"] and ">Open data</a>" in pages["en"]
    assert again.count('<ul class="footer-links">') == 1 and ">Données ouvertes</a>" in again
    for page in pages.values():
        assert page.count('rel="stylesheet"') == 8
    # The kept parts carry nothing of the visitor: the nonce stays on each page's scripts.
    first, second = (Client().get("/nl/over/") for _ in range(2))
    nonce = first.content.decode().split('nonce="')[1].split('"')[0]
    assert nonce not in second.content.decode()
