from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "sterk.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from sterk.core import pagecache

        from . import signals  # noqa: F401 - connects the receivers
        from .backends import USER_TABLES
        from .personal_data import register_provider

        register_provider()
        # Every process follows the users' table's writes, so that a new password or a
        # deactivation in one worker reaches the people kept in the others (`kept_user`).
        pagecache.track_tables(*USER_TABLES)
