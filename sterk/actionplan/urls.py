from django.urls import path

from . import views

app_name = "actionplan"

# The challenge page (same namespace) composes the practices too: sterk.site.urls.

urlpatterns = [
    path("", views.overview, name="overview"),
    path("acties/<slug:slug>/", views.action_detail, name="action_detail"),
    path("speerpunten/<slug:slug>/", views.spearhead_detail, name="spearhead_detail"),
    path("evaluaties/<slug:slug>/", views.evaluation_detail, name="evaluation_detail"),
    path("stand.pdf", views.state_pdf, name="state_pdf"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.json", views.export_json, name="export_json"),
]
