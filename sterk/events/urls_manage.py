"""The agenda's hand-written views in /<lang>/beheer/agenda/ (namespace `events_manage`,
mounted by sterk.manage.urls with the declared views of events/manage.py)."""

from django.urls import path

from . import views_manage as views

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("<int:pk>/publiceren/", views.event_publish, name="event_publish"),
    path("<int:pk>/annuleren/", views.event_cancel, name="event_cancel"),
    path("<int:pk>/verslag/", views.event_report, name="event_report"),
    path("<int:pk>/inschrijvingen/", views.registration_list, name="registration_list"),
    path("<int:pk>/inschrijvingen/export.csv", views.export_csv, name="export_csv"),
    path("<int:pk>/inschrijvingen/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path(
        "<int:pk>/inschrijvingen/<int:rpk>/annuleren/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path("<int:pk>/aanwezigheid/", views.check_in, name="check_in"),
    path("<int:pk>/bericht/", views.message, name="message"),
]
