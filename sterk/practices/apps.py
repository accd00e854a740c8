from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "sterk.practices"
    label = "practices"
    verbose_name = _("Practices")

    def ready(self) -> None:
        from sterk.core import pagecache

        from .personal_data import register_provider
        from .selectors import VOCABULARY_TABLES

        pagecache.track_tables(*VOCABULARY_TABLES)
        register_provider()
