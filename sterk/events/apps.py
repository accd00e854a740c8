from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "sterk.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from .personal_data import register_provider

        register_provider()
