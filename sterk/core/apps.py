from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "sterk.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from .site import site_sync

        if apps.is_installed("django.contrib.sites"):
            # After every migrate: the Site carries SITE_NAME and STERK_SITE_URL's domain.
            post_migrate.connect(
                site_sync,
                sender=apps.get_app_config("sites"),
                dispatch_uid="sterk.core.site_sync",
            )

        from .personal_data_logs import register_provider

        register_provider()

        # Pillow's decompression-bomb guard at our own limit: it refuses images of more than
        # twice STERK_MAX_IMAGE_PIXELS outright (the form validator refuses the rest).
        from PIL import Image

        from .validators import max_image_pixels

        Image.MAX_IMAGE_PIXELS = max_image_pixels()

        # The page cache's data version follows every write to a table a page shows.
        from django.db import connections
        from django.db.backends.signals import connection_created

        from .access import AUTHENTICATOR_TABLES
        from .pagecache import track_tables, watch_writes

        # Every process follows the authenticator table's writes, so that a TOTP set up in
        # one worker reaches the answers kept in the others (`access.user_has_totp`).
        track_tables(*AUTHENTICATOR_TABLES)
        connection_created.connect(watch_writes, dispatch_uid="sterk.core.pagecache")
        for connection in connections.all(initialized_only=True):
            watch_writes(connection=connection)
