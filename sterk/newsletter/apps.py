from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "sterk.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self) -> None:
        from sterk.core import pagecache, personal_data

        from . import mail, rules  # noqa: F401 - registers the permissions
        from . import personal_data as provider
        from .forms import choice_tables

        pagecache.track_tables(*choice_tables())
        mail.register()
        personal_data.register(provider.PROVIDER)
