import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from sterk.core import views as core_views

urlpatterns = [
    path("", RedirectView.as_view(url="/nl/", permanent=False)),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("account/", include("allauth.urls")),
    path("mijn/", include("sterk.accounts.urls")),
    path("beheer/", include("sterk.manage.urls")),
    path("actieplan/", include("sterk.actionplan.urls")),
    path("", include("sterk.events.urls")),
    path("", include("sterk.practices.urls")),
    path("", include("sterk.network.urls")),
    path("", include("sterk.identity.urls")),
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
