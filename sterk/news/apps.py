from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "sterk.news"
    label = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        from sterk.core.pagecache import register_clock_source

        from .selectors import clock_moments

        # A scheduled post appears at its publication date: the page cache serves no page
        # stored before that moment after it.
        register_clock_source(clock_moments)
