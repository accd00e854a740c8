from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("bevragingen/", views.survey_list, name="survey_list"),
    path("bevragingen/<slug:slug>/", views.survey_start, name="survey_start"),
    path(
        "bevragingen/<slug:slug>/link-verstuurd/", views.survey_link_sent, name="survey_link_sent"
    ),
    path("bevragingen/<slug:slug>/link/<str:token>/", views.survey_link, name="survey_link"),
    path("bevragingen/<slug:slug>/bedankt/", views.survey_thanks, name="survey_thanks"),
    path("bevragingen/<slug:slug>/resultaten/", views.results, name="results"),
    path("bevragingen/<slug:slug>/resultaten.pdf", views.results_pdf, name="results_pdf"),
    path("bevragingen/<slug:slug>/opvolging/", views.followup, name="followup"),
    path("bevragingen/<slug:slug>/<int:n>/", views.survey_page, name="survey_page"),
]
