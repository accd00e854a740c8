from django.urls import path

from . import views_manage as views

app_name = "actionplan_manage"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("plannen/", views.plan_list, name="plan_list"),
    path("plannen/nieuw/", views.plan_edit, name="plan_create"),
    path("plannen/<int:pk>/", views.plan_edit, name="plan_edit"),
    path("uitdagingen/", views.challenge_list, name="challenge_list"),
    path("uitdagingen/nieuw/", views.challenge_edit, name="challenge_create"),
    path("uitdagingen/<int:pk>/", views.challenge_edit, name="challenge_edit"),
    path("acties/", views.action_list, name="action_list"),
    path("acties/nieuw/", views.action_edit, name="action_create"),
    path("acties/<int:pk>/", views.action_edit, name="action_edit"),
    path("acties/<int:pk>/verwijderen/", views.action_delete, name="action_delete"),
    path(
        "acties/<int:action_pk>/initiatieven/nieuw/",
        views.initiative_edit,
        name="initiative_create",
    ),
    path("initiatieven/<int:pk>/", views.initiative_edit, name="initiative_edit"),
    path("initiatieven/<int:pk>/verwijderen/", views.initiative_delete, name="initiative_delete"),
    path("speerpunten/", views.spearhead_list, name="spearhead_list"),
    path("speerpunten/nieuw/", views.spearhead_edit, name="spearhead_create"),
    path("speerpunten/<int:pk>/", views.spearhead_edit, name="spearhead_edit"),
    path(
        "speerpunten/<int:spearhead_pk>/activiteiten/nieuw/",
        views.activity_edit,
        name="activity_create",
    ),
    path("activiteiten/<int:pk>/", views.activity_edit, name="activity_edit"),
    path("prioriteiten/", views.priority_list, name="priority_list"),
    path("prioriteiten/nieuw/", views.priority_edit, name="priority_create"),
    path("prioriteiten/<int:pk>/", views.priority_edit, name="priority_edit"),
    path("prioriteiten/<int:pk>/verwijderen/", views.priority_delete, name="priority_delete"),
    path("evaluaties/", views.evaluation_list, name="evaluation_list"),
    path("evaluaties/nieuw/", views.evaluation_edit, name="evaluation_create"),
    path("evaluaties/<int:pk>/", views.evaluation_edit, name="evaluation_edit"),
    path(
        "evaluaties/<int:pk>/momentopname/",
        views.evaluation_snapshot,
        name="evaluation_snapshot",
    ),
    path(
        "evaluaties/<int:evaluation_pk>/conclusies/nieuw/",
        views.conclusion_edit,
        name="conclusion_create",
    ),
    path("conclusies/<int:pk>/", views.conclusion_edit, name="conclusion_edit"),
    path("conclusies/<int:pk>/verwijderen/", views.conclusion_delete, name="conclusion_delete"),
    path("voortgang/", views.progress_list, name="progress_list"),
    path("voortgang/speerpunt/<int:pk>/", views.progress_spearhead, name="progress_spearhead"),
    path(
        "voortgang/<str:kind>/<int:pk>/",
        views.progress_post,
        name="progress_post",
    ),
    path("voortgang/updates/<int:pk>/verwijderen/", views.progress_delete, name="progress_delete"),
    path("voorstellen/", views.proposal_list, name="proposal_list"),
    path("voorstellen/nieuw/", views.proposal_create, name="proposal_create"),
    path("voorstellen/<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("voorstellen/<int:pk>/bewerken/", views.proposal_edit, name="proposal_edit"),
]
