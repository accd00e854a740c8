"""Public URLs of the news (slugs stay Dutch in every language)."""

from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("nieuws/", views.post_list, name="post_list"),
    path("nieuws/feed/", feeds.NewsFeed(), name="feed"),
    path("nieuws/regio/<slug:slug>/feed/", feeds.RegionNewsFeed(), name="region_feed"),
    path("nieuws/<slug:slug>/", views.post_detail, name="post_detail"),
]
