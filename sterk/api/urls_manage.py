"""Hand-written views of /<lang>/beheer/open-data/ (mounted by sterk.manage.urls in the
api_manage namespace): the rebuild of the downloads."""

from django.urls import path

from . import views_manage as views

app_name = "api_manage"

urlpatterns = [
    path("bouwen/", views.rebuild, name="rebuild"),
]
