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
