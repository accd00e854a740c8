"""Public URLs of the agenda (slugs stay Dutch in every language)."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("agenda/", views.agenda, name="agenda"),
    path("agenda.ics", views.feed, name="feed"),
    path("agenda/regio/<slug:slug>.ics", views.region_feed, name="region_feed"),
    path("agenda/reeks/<slug:slug>/", views.series_detail, name="series_detail"),
    path(
        "agenda/inschrijving/<str:token>/bevestigen/",
        views.registration_confirm,
        name="registration_confirm",
    ),
    path("agenda/inschrijving/<str:token>/", views.registration_manage, name="registration_manage"),
    path("agenda/<slug:slug>/", views.event_detail, name="event_detail"),
    path("agenda/<slug:slug>/inschrijven/", views.event_register, name="event_register"),
    path("agenda/<slug:slug>/kalender.ics", views.event_ics, name="event_ics"),
]
