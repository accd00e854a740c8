from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "sterk.governance"
    label = "governance"
    verbose_name = _("Governance")

    def ready(self) -> None:
        from .mail import register_renderers
        from .personal_data import register_provider

        register_provider()
        register_renderers()

        from sterk.core.pagecache import register_clock_source

        from .selectors import clock_moments

        # The dashboard's governance panel changes when a meeting ends and a year after a
        # stakeholder meeting: a panel kept per clock moment is read again then.
        register_clock_source(clock_moments)
