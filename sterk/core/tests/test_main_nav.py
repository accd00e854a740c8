"""`{% main_nav %}` writes what the template it replaced wrote (whitespace aside): the same
links and labels in each language, and `aria-current` on the same link for every page."""

import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from sterk.core.templatetags import layout

# The navigation as base.html wrote it until 2026-12.
REFERENCE = Template(
    """{% load i18n %}      <nav class="main-nav" aria-label="{% translate 'Main navigation' %}">
        <ul>
          {% url 'identity:about' as about_url %}
          <li><a href="{{ about_url }}"{% if request.path == about_url %} aria-current="page"{% endif %}>{% translate "About" %}</a></li>
          {% url 'network:region_list' as regions_url %}
          <li><a href="{{ regions_url }}"{% if request.path == regions_url %} aria-current="page"{% endif %}>{% translate "Regions" %}</a></li>
          {% url 'actionplan:overview' as plan_url %}
          <li><a href="{{ plan_url }}"{% if plan_url in request.path %} aria-current="page"{% endif %}>{% translate "Action plan" %}</a></li>
          {% url 'practices:library' as practices_url %}
          <li><a href="{{ practices_url }}"{% if practices_url in request.path %} aria-current="page"{% endif %}>{% translate "Practices" %}</a></li>
          {% url 'events:agenda' as agenda_url %}
          <li><a href="{{ agenda_url }}"{% if agenda_url in request.path %} aria-current="page"{% endif %}>{% translate "Agenda" %}</a></li>
          {% url 'news:post_list' as news_url %}
          <li><a href="{{ news_url }}"{% if news_url in request.path %} aria-current="page"{% endif %}>{% translate "News" %}</a></li>
          {% url 'network:steering_group' as steering_url %}
          <li><a href="{{ steering_url }}"{% if request.path == steering_url %} aria-current="page"{% endif %}>{% translate "Steering group" %}</a></li>
          {% url 'network:stakeholders' as stakeholders_url %}
          <li><a href="{{ stakeholders_url }}"{% if request.path == stakeholders_url %} aria-current="page"{% endif %}>{% translate "Partners" %}</a></li>
          {% url 'network:contact' as contact_url %}
          <li><a href="{{ contact_url }}"{% if request.path == contact_url %} aria-current="page"{% endif %}>{% translate "Contact" %}</a></li>
        </ul>
      </nav>
"""
)
NEW = Template(
    """{% load i18n layout %}<nav class="main-nav" aria-label="{% translate 'Main navigation' %}">{% main_nav %}</nav>"""
)


def _squeezed(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


PATHS = [
    "/{lang}/over/",
    "/{lang}/regio/",
    "/{lang}/actieplan/",
    "/{lang}/actieplan/actie/een-actie/",
    "/{lang}/praktijken/",
    "/{lang}/agenda/",
    "/{lang}/agenda/een-activiteit/",
    "/{lang}/nieuws/",
    "/{lang}/stuurgroep/",
    "/{lang}/partners/",
    "/{lang}/contact/",
    "/{lang}/",
    "/{lang}/over/iets-anders/",
]


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
@pytest.mark.parametrize("path", PATHS)
def test_main_nav_writes_what_the_template_wrote(lang, path):
    request = RequestFactory().get(path.format(lang=lang))
    with translation.override(lang):
        expected = REFERENCE.render(Context({"request": request}))
        written = NEW.render(Context({"request": request}))
    assert _squeezed(written) == _squeezed(expected)


def test_the_current_link_is_marked_once_and_the_labels_are_translated():
    with translation.override("fr"):
        urls = [url for url, _label, _section in layout.nav_links()]
        html = NEW.render(Context({"request": RequestFactory().get(urls[4] + "x/")}))
    assert html.count('aria-current="page"') == 1
    assert f'<a href="{urls[4]}" aria-current="page">' in html
    assert ">Agenda</a>" in html and urls[0].startswith("/fr/")
