from django.urls import path

from . import views

app_name = "accounts"

# My page (same namespace, at "") composes other apps: sterk.site.urls.

urlpatterns = [
    path("profiel/", views.profile_edit, name="profile_edit"),
    path("gegevens/", views.data_export, name="data_export"),
    path("verwijderen/", views.account_delete, name="account_delete"),
    path("privacy/", views.privacy, name="privacy"),
    path(
        "privacy/toestemming/<int:pk>/intrekken/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
]
