from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplanConfig(AppConfig):
    name = "sterk.actionplan"
    label = "actionplan"
    verbose_name = _("Action plan")

    def ready(self) -> None:
        from .personal_data import register_provider

        register_provider()
