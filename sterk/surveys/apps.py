from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "sterk.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from .personal_data import register_provider

        register_provider()
