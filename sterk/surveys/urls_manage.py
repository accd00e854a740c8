from django.urls import path

from . import views_manage as views

urlpatterns = [
    path("", views.survey_list, name="survey_list"),
    path("nieuw/", views.survey_create, name="survey_create"),
    path("<int:pk>/", views.builder, name="builder"),
    path("<int:pk>/instellingen/", views.survey_edit, name="survey_edit"),
    path("<int:pk>/status/", views.survey_status, name="survey_status"),
    path("<int:pk>/voorbeeld/", views.preview, name="preview"),
    path("<int:pk>/voorbeeld/<int:n>/", views.preview, name="preview_page"),
    path("<int:pk>/sectie/nieuw/", views.section_create, name="section_create"),
    path("<int:pk>/sectie/<int:spk>/", views.section_edit, name="section_edit"),
    path("<int:pk>/sectie/<int:spk>/verwijderen/", views.section_delete, name="section_delete"),
    path("<int:pk>/sectie/<int:spk>/verplaatsen/", views.section_move, name="section_move"),
    path("<int:pk>/vraag/nieuw/", views.question_create, name="question_create"),
    path("<int:pk>/vraag/<int:qpk>/", views.question_edit, name="question_edit"),
    path("<int:pk>/vraag/<int:qpk>/verwijderen/", views.question_delete, name="question_delete"),
    path("<int:pk>/vraag/<int:qpk>/verplaatsen/", views.question_move, name="question_move"),
    path("<int:pk>/vraag/<int:qpk>/kopie/", views.question_duplicate, name="question_duplicate"),
    path("<int:pk>/resultaten/", views.results_page, name="results"),
    path("<int:pk>/resultaten/tekst/<int:qpk>/", views.texts_page, name="texts"),
    path("<int:pk>/resultaten/publiceren/", views.results_publish, name="results_publish"),
    path("<int:pk>/export.<str:fmt>", views.export, name="export"),
    path("<int:pk>/opvolging/", views.followup, name="followup"),
    path("<int:pk>/opvolging/publiceren/", views.followup_publish, name="followup_publish"),
    path("<int:pk>/opvolging/bevinding/nieuw/", views.finding_create, name="finding_create"),
    path("<int:pk>/opvolging/bevinding/<int:fpk>/", views.finding_edit, name="finding_edit"),
    path(
        "<int:pk>/opvolging/bevinding/<int:fpk>/verwijderen/",
        views.finding_delete,
        name="finding_delete",
    ),
    path(
        "<int:pk>/opvolging/bevinding/<int:fpk>/punt/nieuw/",
        views.point_create,
        name="point_create",
    ),
    path("<int:pk>/opvolging/punt/<int:ppk>/", views.point_edit, name="point_edit"),
    path("<int:pk>/opvolging/punt/<int:ppk>/verwijderen/", views.point_delete, name="point_delete"),
    path("<int:pk>/opvolging/punt/<int:ppk>/voorstel/", views.point_propose, name="point_propose"),
]
