from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "sterk.network"
    label = "network"
    verbose_name = _("Network")

    def ready(self) -> None:
        from .personal_data import register_provider

        register_provider()
