import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
application = get_wsgi_application()


def _warm_up() -> None:
    """Do at start what the first request of each worker would otherwise wait for: import
    the URLconf with every view (about a second on this project) and compile the e-mail
    address pattern the first registration or sign-up checks. A worker is started after a
    deploy and after every restart, and the first visitors should not pay for it."""
    from django.core.validators import validate_email
    from django.urls import get_resolver

    get_resolver()._populate()
    validate_email("warm-up@example.org")


_warm_up()
