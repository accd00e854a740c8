from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "sterk.network"
    label = "network"
    verbose_name = _("Network")

    def ready(self) -> None:
        from sterk.core import pagecache
        from sterk.core.roles import set_roles_loader

        from .personal_data import register_provider
        from .roles import ROLE_TABLES, roles_load

        register_provider()
        # Every process follows the role table's writes, so that a role given in one
        # worker reaches the roles kept in the others (`roles_load`).
        pagecache.track_tables(*ROLE_TABLES)
        # sterk.core.roles.roles_of reads the role assignments through this (core is below).
        set_roles_loader(roles_load)
