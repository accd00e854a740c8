"""Production: secrets and hosts from the environment, HTTPS only, PostgreSQL and Redis."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
try:
    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
except KeyError as exc:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY in the environment.") from exc
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]
# Every absolute link (mails, .ics, PDF, exports, share links, allauth's Site) is built on
# it; a default would send people to 127.0.0.1, so there is none.
STERK_SITE_URL = os.environ.get("STERK_SITE_URL", "").rstrip("/")
if not STERK_SITE_URL.startswith("https://") or len(STERK_SITE_URL) <= len("https://"):
    raise ImproperlyConfigured(
        "Set STERK_SITE_URL to the platform's public https address, "
        "e.g. https://sterksociaalwerk.be."
    )
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS]

SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# One cache shared by every gunicorn worker and app server: rate limits and allauth's
# login throttling count there. A per-process cache would multiply every limit by the
# number of workers, so production does not start without one.
if not os.environ.get("REDIS_URL"):
    raise ImproperlyConfigured(
        "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0): production needs a shared cache "
        "for rate limits and login throttling."
    )
CACHES = {
    "default": {
        "BACKEND": "sterk.core.redis_cache.RedisCache",  # one client per pool
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": os.environ.get("STERK_CACHE_KEY_PREFIX", "sterk"),
    },
    "layout": LAYOUT_CACHE,  # noqa: F405 - per process, see base.py
}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "1") == "1"
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")

# Two-factor authentication for managers is not optional in production.
STERK_REQUIRE_MFA_FOR_MANAGERS = True
if os.environ.get("STERK_REQUIRE_MFA_FOR_MANAGERS", "1") != "1":
    raise ImproperlyConfigured("Production refuses STERK_REQUIRE_MFA_FOR_MANAGERS=0.")
