"""Hand-written workflow views of /beheer/nieuws/ (mounted by sterk.manage.urls in the
news_manage namespace, after the declared list and form views)."""

from django.urls import path

from . import views_manage as views

urlpatterns = [
    path("<int:pk>/publiceren/", views.post_publish, name="post_publish"),
    path("<int:pk>/terug-naar-klad/", views.post_unpublish, name="post_unpublish"),
]
