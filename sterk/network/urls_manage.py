"""The management area, /<lang>/beheer/. Slugs stay Dutch in every language."""

from django.urls import path

from . import views_manage as views

app_name = "manage"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    # a region: page texts, priorities, sub-regions, members
    path("regio/<slug:slug>/teksten/", views.region_edit, name="region_edit"),
    path("regio/<slug:slug>/prioriteiten/", views.priority_list, name="priority_list"),
    path("regio/<slug:slug>/prioriteiten/nieuw/", views.priority_create, name="priority_create"),
    path("regio/<slug:slug>/prioriteiten/<int:pk>/", views.priority_edit, name="priority_edit"),
    path(
        "regio/<slug:slug>/prioriteiten/<int:pk>/verwijderen/",
        views.priority_delete,
        name="priority_delete",
    ),
    path("regio/<slug:slug>/subregios/", views.subregion_list, name="subregion_list"),
    path("regio/<slug:slug>/subregios/nieuw/", views.subregion_create, name="subregion_create"),
    path("regio/<slug:slug>/subregios/<int:pk>/", views.subregion_edit, name="subregion_edit"),
    path(
        "regio/<slug:slug>/subregios/<int:pk>/verwijderen/",
        views.subregion_delete,
        name="subregion_delete",
    ),
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
    path("organisaties/nieuw/", views.organisation_create, name="organisation_create"),
    path("organisaties/<int:pk>/", views.organisation_edit, name="organisation_edit"),
    path(
        "organisaties/<int:pk>/goedkeuren/",
        views.organisation_approve,
        name="organisation_approve",
    ),
    path("rollen/", views.role_list, name="role_list"),
    path("rollen/nieuw/", views.role_assign, name="role_assign"),
    path("rollen/<int:pk>/intrekken/", views.role_revoke, name="role_revoke"),
    path("audit/", views.audit_trail, name="audit_trail"),
]
