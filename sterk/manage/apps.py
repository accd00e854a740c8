from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class ManageConfig(AppConfig):
    """The management area (/beheer/): shell, navigation, dashboard, audit viewer and the
    service-backed viewset. Every app declares what it manages in its own `manage.py`,
    imported here, so that no regular app module imports this (top-layer) app."""

    name = "sterk.manage"
    label = "manage"
    verbose_name = "Management"

    def ready(self) -> None:
        autodiscover_modules("manage")
