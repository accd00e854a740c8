from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "sterk.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from sterk.core.pagecache import register_clock_source

        from .mail import register_renderers
        from .personal_data import register_provider
        from .selectors import clock_moments

        register_provider()
        register_renderers()
        register_clock_source(clock_moments)
