"""Language of parts (WCAG 3.1.2): content that falls back to Dutch is marked `lang="nl"`."""

import re

import pytest
from django.utils import translation

from sterk.actionplan.tests.factories import ActionFactory
from sterk.core.content_language import fell_back, render_field
from sterk.practices.tests.factories import published

pytestmark = pytest.mark.django_db


def _element_with(html: str, text: str) -> str:
    """The opening tags right before `text` (enough to see which element carries lang)."""
    index = html.index(text)
    return html[max(0, index - 120) : index]


def test_untranslated_practice_is_marked_dutch_on_french_page(client) -> None:
    practice = published(
        slug="alleen-nl",
        title_nl="Alleen Nederlandse titel",
        summary_nl="Nederlandse samenvatting",
        story_nl="Nederlands **verhaal**.",
    )
    html = client.get(f"/fr{practice.get_absolute_url()[3:]}").content.decode()
    assert '<h1><span lang="nl">Alleen Nederlandse titel</span></h1>' in html
    assert '<p class="lead"><span lang="nl">Nederlandse samenvatting</span></p>' in html
    assert re.search(
        r'<p class="meta lang-note">[^<]+</p><div class="prose" lang="nl"><p>Nederlands', html
    )
    # The interface around it stays in the page's language.
    assert '<article class="practice">' in html


def test_translated_practice_has_no_lang_attribute(client) -> None:
    practice = published(
        slug="vertaald",
        title_nl="Vertaalde titel",
        title_fr="Titre traduit",
        summary_nl="Samenvatting",
        summary_fr="Résumé",
        story_nl="Verhaal.",
        story_fr="Histoire traduite.",
    )
    html = client.get(f"/fr{practice.get_absolute_url()[3:]}").content.decode()
    assert "<h1>Titre traduit</h1>" in html
    assert '<div class="prose"><p>Histoire traduite.</p></div>' in html
    main = html[html.index("<main") : html.index("</main>")]
    assert 'lang="nl"' not in main
    assert "lang-note" not in main


def test_dutch_page_marks_nothing(client) -> None:
    practice = published(slug="nl", title_nl="Titel", story_nl="Verhaal.")
    html = client.get(practice.get_absolute_url()).content.decode()
    assert "<h1>Titel</h1>" in html and 'lang="nl"' not in _element_with(html, "Titel")


def test_practice_written_in_french_is_marked_french_on_dutch_and_english_pages(client) -> None:
    # What members submit is stored in the Dutch columns in the language they wrote it in.
    practice = published(slug="fr", title_nl="Écrit en français", language="fr")
    with translation.override("nl"):
        assert render_field(practice, "title") == '<span lang="fr">Écrit en français</span>'
    with translation.override("en"):
        assert render_field(practice, "title") == '<span lang="fr">Écrit en français</span>'
    with translation.override("fr"):
        assert render_field(practice, "title") == "Écrit en français"
        assert not fell_back(practice, "title")


def test_cards_in_lists_are_marked(client) -> None:
    published(slug="a", title_nl="Alleen Nederlands", summary_nl="Kort")
    published(slug="b", title_nl="Tweetalig", title_en="Bilingual", summary_nl="K", summary_en="S")
    html = client.get("/en/praktijken/").content.decode()
    assert '<span lang="nl">Alleen Nederlands</span>' in html
    assert ">Bilingual</a>" in html


def test_action_page_marks_fallback(client) -> None:
    action = ActionFactory(title_nl="Nederlandse actie", title_en="", description_nl="Tekst.")
    html = client.get(f"/en{action.get_absolute_url()[3:]}").content.decode()
    assert '<h1><span lang="nl">Nederlandse actie</span></h1>' in html
    assert '<div class="prose" lang="nl"><p>Tekst.</p></div>' in html


def test_markdown_note_and_escaping() -> None:
    action = ActionFactory.build(title_nl="<b>x</b>", description_nl="*a*")
    with translation.override("fr"):
        assert render_field(action, "title") == '<span lang="nl">&lt;b&gt;x&lt;/b&gt;</span>'
        block = render_field(action, "description", markdown=True)
        assert block.startswith('<p class="meta lang-note">')
        assert block.endswith('<div lang="nl"><p><em>a</em></p></div>')
        without_note = render_field(action, "description", markdown=True, note=False)
        assert without_note == '<div lang="nl"><p><em>a</em></p></div>'
    with translation.override("nl"):
        assert render_field(action, "description", markdown=True) == "<div><p><em>a</em></p></div>"


def test_untranslated_field_is_plain(client) -> None:
    # A field that modeltranslation does not handle is returned escaped, never marked.
    action = ActionFactory.build(number=3)
    with translation.override("fr"):
        assert render_field(action, "number") == "3"


def test_snapshot_values_mark_their_fallback() -> None:
    # The evaluation snapshot keeps {language: text}: a missing translation is Dutch.
    from sterk.actionplan.templatetags.actionplan import localised

    with translation.override("fr"):
        assert (
            localised({"nl": "Actie", "fr": "", "en": "Action"}) == '<span lang="nl">Actie</span>'
        )
        assert localised({"nl": "Actie", "fr": "Action", "en": ""}) == "Action"
        assert localised([{"nl": "A&B", "fr": ""}, {"nl": "C", "fr": "C fr"}]) == (
            '<span lang="nl">A&amp;B</span>, C fr'
        )
    with translation.override("nl"):
        assert localised({"nl": "Actie", "fr": ""}) == "Actie"


def test_search_snippet_of_an_untranslated_practice_is_marked(client) -> None:
    published(slug="s1", title_nl="Buurtwerk", summary_nl="Over onderbescherming in de wijk")
    published(
        slug="s2",
        title_nl="Tweede",
        title_fr="Deuxième",
        summary_nl="Ook onderbescherming",
        summary_fr="Aussi onderbescherming",
    )
    html = client.get("/fr/praktijken/?q=onderbescherming").content.decode()
    snippets = re.findall(r'<p class="snippet"[^>]*>', html)
    assert sorted(snippets) == ['<p class="snippet" lang="nl">', '<p class="snippet">']


def test_practice_without_story_says_its_summary_is_dutch(client) -> None:
    practice = published(
        slug="kort", title_nl="Kort", summary_nl="Alleen een samenvatting", story_nl=""
    )
    html = client.get(f"/en{practice.get_absolute_url()[3:]}").content.decode()
    assert re.search(
        r'<p class="lead"><span lang="nl">Alleen een samenvatting</span> '
        r'<span class="meta lang-note">[^<]+</span></p>',
        html,
    )
