"""The action plan's hand-written views in /<lang>/beheer/actieplan/ (namespace
`actionplan_manage`, mounted by sterk.manage.urls with the declared views of
actionplan/manage.py)."""

from django.urls import path

from . import views_manage as views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("acties/", views.action_list, name="action_list"),
    path(
        "evaluaties/<int:pk>/momentopname/",
        views.evaluation_snapshot,
        name="evaluation_snapshot",
    ),
    path("voortgang/", views.progress_list, name="progress_list"),
    path("voortgang/speerpunt/<int:pk>/", views.progress_spearhead, name="progress_spearhead"),
    path("voortgang/<str:kind>/<int:pk>/", views.progress_post, name="progress_post"),
    path("voortgang/updates/<int:pk>/verwijderen/", views.progress_delete, name="progress_delete"),
    path("voorstellen/", views.proposal_list, name="proposal_list"),
    path("voorstellen/nieuw/", views.proposal_create, name="proposal_create"),
    path("voorstellen/<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("voorstellen/<int:pk>/bewerken/", views.proposal_edit, name="proposal_edit"),
]
