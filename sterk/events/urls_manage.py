"""The agenda in the management area, /<lang>/beheer/agenda/."""

from django.urls import path

from . import views_manage as views

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("nieuw/", views.event_edit, name="event_create"),
    path("reeksen/", views.series_list, name="series_list"),
    path("reeksen/nieuw/", views.series_edit, name="series_create"),
    path("reeksen/<int:pk>/", views.series_edit, name="series_edit"),
    path("<int:pk>/", views.event_edit, name="event_edit"),
    path("<int:pk>/publiceren/", views.event_publish, name="event_publish"),
    path("<int:pk>/annuleren/", views.event_cancel, name="event_cancel"),
    path("<int:pk>/verwijderen/", views.event_delete, name="event_delete"),
    path("<int:pk>/verslag/", views.event_report, name="event_report"),
    path("<int:pk>/vragen/", views.question_list, name="question_list"),
    path("<int:pk>/vragen/nieuw/", views.question_edit, name="question_create"),
    path("<int:pk>/vragen/<int:qpk>/", views.question_edit, name="question_edit"),
    path("<int:pk>/vragen/<int:qpk>/verwijderen/", views.question_delete, name="question_delete"),
    path("<int:pk>/sessies/", views.session_list, name="session_list"),
    path("<int:pk>/sessies/nieuw/", views.session_edit, name="session_create"),
    path("<int:pk>/sessies/<int:spk>/", views.session_edit, name="session_edit"),
    path("<int:pk>/sessies/<int:spk>/verwijderen/", views.session_delete, name="session_delete"),
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
