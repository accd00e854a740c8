"""Language of parts (WCAG 3.1.2) on every public page type: the real content is loaded,
every translation is removed and every Dutch text is tagged; on the French and English
pages each tagged text must sit inside an element marked `lang="nl"`.

This catches the class (a template that prints a translated field without the `tr` filter
or tag of sterk.core.templatetags.sterk), not only the pages the audit listed."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils import translation
from modeltranslation.translator import translator

pytestmark = pytest.mark.django_db

TAG = "NLTAG"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class _LangChecker(HTMLParser):
    """Text in <main> that contains TAG, with the language of its nearest `lang` ancestor."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.in_main = False
        self.found: list[tuple[str | None, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.in_main = True
        if tag in VOID:
            return
        self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.in_main = False
        while self.stack:
            name, _lang = self.stack.pop()
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_main and TAG in data:
            lang = next((lang for _tag, lang in reversed(self.stack) if lang), None)
            self.found.append((lang, data.strip()[:80]))


@pytest.fixture
def dutch_only_content(db):
    for command in (
        "load_content",
        "load_actionplan",
        "load_events",
        "load_practices",
        "load_news",
        "load_newsletter",
        "load_surveys",
    ):
        call_command(command, verbosity=0)
    for model in translator.get_registered_models(abstract=False):
        options = translator.get_options_for_model(model)
        update: dict[str, object] = {}
        for name in options.fields:
            field = model._meta.get_field(f"{name}_nl")
            if not isinstance(field, (models.CharField, models.TextField)):
                continue
            update[f"{name}_fr"] = None if field.null else ""
            update[f"{name}_en"] = None if field.null else ""
            # The tag starts its own paragraph in Markdown texts.
            prefix = f"{TAG}\n\n" if isinstance(field, models.TextField) else f"{TAG} "
            update[f"{name}_nl"] = models.functions.Concat(
                models.Value(prefix), models.F(f"{name}_nl")
            )
        if update:
            model._base_manager.update(**update)


def _pages() -> list[str]:
    from sterk.actionplan.models import Action, Challenge, Evaluation, Spearhead
    from sterk.events.models import Event, Series
    from sterk.identity.models import Function, Krachtlijn
    from sterk.network.models import Region
    from sterk.news.models import Post
    from sterk.practices.models import Call, Practice, Status

    urls = [
        reverse("identity:home"),
        reverse("identity:about"),
        reverse("actionplan:overview"),
        reverse("events:agenda"),
        reverse("practices:library"),
        reverse("network:region_list"),
        reverse("network:steering_group"),
        reverse("network:stakeholders"),
        reverse("news:post_list"),
    ]
    for queryset in (
        Krachtlijn.objects.all(),
        Function.objects.all(),
        Challenge.objects.all(),
        Action.objects.all(),
        Spearhead.objects.all(),
        Evaluation.objects.all(),
        Event.objects.exclude(status="draft").filter(visibility="public"),
        Series.objects.all(),
        Practice.objects.filter(status=Status.PUBLISHED),
        Call.objects.all(),
        Region.objects.all(),
        Post.objects.public(),
    ):
        first = queryset.first()
        if first is not None:
            urls.append(first.get_absolute_url())
    return urls


@pytest.mark.parametrize("language", ["fr", "en"])
def test_dutch_fallback_is_marked_on_every_public_page_type(client, dutch_only_content, language):
    with translation.override(language):
        urls = _pages()
    assert len(urls) >= 18
    assert_dutch_is_marked(client, urls, _LangChecker)


def assert_dutch_is_marked(client, urls, checker_class) -> None:
    """Visit every URL; every tagged Dutch text must have a lang="nl" ancestor."""
    unmarked: list[tuple[str, str]] = []
    checked = 0
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        parser = checker_class()
        parser.feed(response.content.decode())
        checked += len(parser.found)
        unmarked += [(url, text) for lang, text in parser.found if lang != "nl"]
    assert checked > 50
    assert unmarked == [], f"{len(unmarked)} Dutch texts without lang=nl: {unmarked}"
