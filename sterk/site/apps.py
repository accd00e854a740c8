from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The pages that compose several apps (home, region, krachtlijn, challenge, my page,
    steering group, stakeholders): the top layer, so that no domain app imports another
    one above it."""

    name = "sterk.site"
    label = "site"
    verbose_name = _("Pages")
