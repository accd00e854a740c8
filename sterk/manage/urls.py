"""/<lang>/beheer/: the shell (dashboard, audit trail), each app's declared views
(sterk/<app>/manage.py) and its hand-written workflow views (sterk/<app>/urls_manage.py),
under the URL namespaces the templates and tests use."""

from __future__ import annotations

from typing import Any

from django.urls import include, path

from sterk.actionplan import urls_manage as actionplan_urls
from sterk.core.managed import registry
from sterk.events import urls_manage as events_urls
from sterk.governance import urls_manage as governance_urls
from sterk.network import urls_manage as network_urls
from sterk.news import urls_manage as news_urls
from sterk.newsletter import urls_manage as newsletter_urls
from sterk.practices import urls_manage as practices_urls
from sterk.surveys import urls_manage as surveys_urls

from . import views
from .viewset import urlpatterns_for


def area(namespace: str, handwritten: list[Any]) -> tuple[list[Any], str]:
    """The declared views of a namespace first, then its hand-written ones."""
    declared = [p for m in registry.in_namespace(namespace) for p in urlpatterns_for(m)]
    return [*declared, *handwritten], namespace


shell = [
    path("", views.dashboard, name="dashboard"),
    path("audit/", views.audit_trail, name="audit_trail"),
]

urlpatterns = [
    path("actieplan/", include(area("actionplan_manage", actionplan_urls.urlpatterns))),
    path("agenda/", include(area("events_manage", events_urls.urlpatterns))),
    path("praktijken/", include(area("practices_manage", practices_urls.urlpatterns))),
    path("nieuwsbrief/", include(area("newsletter_manage", newsletter_urls.urlpatterns))),
    path("nieuws/", include(area("news_manage", news_urls.urlpatterns))),
    path("", include(area("governance_manage", governance_urls.urlpatterns))),
    path("bevragingen/", include(area("surveys_manage", surveys_urls.urlpatterns))),
    path("open-data/", include("sterk.api.urls_manage")),  # by name: api sits beside manage
    path("", include(area("manage", [*shell, *network_urls.urlpatterns]))),
]
