from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "sterk.network"
    label = "network"
    verbose_name = _("Network")

    def ready(self) -> None:
        from sterk.core.roles import set_roles_loader

        from .personal_data import register_provider
        from .roles import roles_load

        register_provider()
        # sterk.core.roles.roles_of reads the role assignments through this (core is below).
        set_roles_loader(roles_load)
