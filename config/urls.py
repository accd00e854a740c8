import re
from types import ModuleType
from typing import Any

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, include, path, re_path
from django.views.generic import RedirectView

from sterk.accounts import urls as accounts_urls
from sterk.actionplan import urls as actionplan_urls
from sterk.api.main import api
from sterk.core import views as core_views
from sterk.identity import urls as identity_urls
from sterk.network import urls as network_urls
from sterk.site import urls as site_urls


def _with_site(site_patterns: list[URLPattern], app_urls: ModuleType) -> tuple[list[Any], str]:
    """An app's URLs behind the composed pages (sterk.site.urls) that keep its namespace."""
    return [*site_patterns, *app_urls.urlpatterns], app_urls.app_name


urlpatterns = [
    path("", RedirectView.as_view(url="/nl/", permanent=False)),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

urlpatterns += i18n_patterns(
    path("account/", include("allauth.urls")),
    path("mijn/", include(_with_site(site_urls.accounts_patterns, accounts_urls))),
    path("beheer/", include("sterk.manage.urls")),
    path("actieplan/", include(_with_site(site_urls.actionplan_patterns, actionplan_urls))),
    path("", include("sterk.events.urls")),
    path("", include("sterk.news.urls")),
    path("", include("sterk.practices.urls")),
    path("", include("sterk.governance.urls")),
    path("", include("sterk.newsletter.urls")),
    path("", include("sterk.surveys.urls")),
    path("", include("sterk.api.urls_pages")),
    path("", include(_with_site(site_urls.network_patterns, network_urls))),
    path("", include(_with_site(site_urls.identity_patterns, identity_urls))),
    prefix_default_language=True,
)

handler403 = "sterk.core.views.permission_denied"
handler404 = "sterk.core.views.page_not_found"

# Uploaded media: Django serves them only under DEBUG or STERK_SERVE_MEDIA=1 (checked per
# request, 404 otherwise); in production the proxy or object storage serves /media/.
if settings.MEDIA_URL.startswith("/") and "://" not in settings.MEDIA_URL:
    urlpatterns += [
        re_path(
            r"^" + re.escape(settings.MEDIA_URL.lstrip("/")) + r"(?P<path>.+)$",
            core_views.media,
            name="media",
        )
    ]
