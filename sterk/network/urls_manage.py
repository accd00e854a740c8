"""The network's hand-written views in /<lang>/beheer/ (namespace `manage`, mounted by
sterk.manage.urls with the declared views of network/manage.py). Slugs stay Dutch."""

from django.urls import path

from . import views_manage as views

urlpatterns = [
    # a region: page texts, priorities, sub-regions, members
    path("regio/<slug:slug>/teksten/", views.region_edit, name="region_edit"),
    path("regio/<slug:slug>/leden/", views.member_list, name="member_list"),
    path("regio/<slug:slug>/leden/export.csv", views.member_export_csv, name="member_export_csv"),
    path(
        "regio/<slug:slug>/leden/export.xlsx", views.member_export_xlsx, name="member_export_xlsx"
    ),
    path("regio/<slug:slug>/leden/import/", views.member_import, name="member_import"),
    path(
        "regio/<slug:slug>/leden/import/<str:token>/",
        views.member_import_preview,
        name="member_import_preview",
    ),
    # contact requests
    path("contact/", views.contact_inbox, name="contact_inbox"),
    path("contact/<int:pk>/", views.contact_detail, name="contact_detail"),
    # coordinators: organisations, roles, audit trail
    path("organisaties/", views.organisation_list, name="organisation_list"),
    path(
        "organisaties/<int:pk>/goedkeuren/",
        views.organisation_approve,
        name="organisation_approve",
    ),
    path("rollen/", views.role_list, name="role_list"),
    path("rollen/nieuw/", views.role_assign, name="role_assign"),
    path("rollen/<int:pk>/intrekken/", views.role_revoke, name="role_revoke"),
]
