"""/<lang>/open-data/: the open-data page, its downloads and the API documentation page
(mounted by config.urls in the i18n patterns)."""

from django.urls import path

from . import docs
from . import views_pages as views

app_name = "api_pages"

urlpatterns = [
    path("open-data/", views.opendata_page, name="opendata"),
    path("open-data/api/", docs.docs_page, name="docs"),
    # <str:> never holds a "/"; the view serves only names the current manifest lists.
    path("open-data/<str:filename>", views.download, name="download"),
]
