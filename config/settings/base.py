"""Settings shared by every environment. dev/test/prod import from here and override."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("STERK_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-development-key-change-me")
DEBUG = False
ALLOWED_HOSTS: list[str] = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin
    "modeltranslation",
    # django.contrib.admin, behind allauth's login and TOTP (sterk/core/admin_site.py)
    "sterk.core.admin_site.SterkAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # The Site (name, domain) allauth's mails and throttling read; kept in line with
    # SITE_NAME and STERK_SITE_URL after every migrate (sterk.core.site.site_sync).
    "django.contrib.sites",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "sterk.core",
    "sterk.accounts",
    "sterk.identity",
    "sterk.network",
    "sterk.actionplan",
    "sterk.events",
    "sterk.practices",
    "sterk.news",
    "sterk.surveys",
    "sterk.newsletter",
    "sterk.governance",
    "sterk.site",
    "sterk.manage",
    "sterk.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before sessions/CSRF/locale read them: a cookie with a NUL byte is dropped.
    "sterk.core.middleware.DropNulCookiesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # The open-data API's HTTP (language, anonymous, CORS, rate limit, 304, every error
    # below it as a problem detail): sterk/api/http.py.
    "sterk.api.http.ApiMiddleware",
    # After locale/auth/CSP (its 400 page is translated, with the layout), before views.
    "sterk.core.middleware.RejectNulBytesMiddleware",
    # Last: serves public pages to visitors from the cache once everything above has run
    # (session, user, messages, language, CSP nonce, CSRF cookie); sterk/core/pagecache.py.
    "sterk.core.pagecache.PageCacheMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "sterk.core.context_processors.site",
            ],
            # `date` with each language's typography ("1er décembre"): sterk.core.dates.
            "builtins": ["sterk.core.templatetags.dates"],
        },
    }
]
# Django's form templates with a faster <select> (its options written in place).
FORM_RENDERER = "sterk.core.forms_renderer.FormRenderer"

WSGI_APPLICATION = "config.wsgi.application"

# Database: SQLite in var/ unless DATABASE_URL is set (PostgreSQL in production and CI).
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "sterk.sqlite3"),
            "OPTIONS": {
                # IMMEDIATE takes the write lock at BEGIN, so two writers never deadlock
                # on a lock upgrade; WAL lets readers go on while one writes.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    # Permissions are the rules' alone: what they refuse stops here, without reading
    # Django's permission tables (sterk/accounts/backends.py). The two after it sign in.
    "sterk.accounts.backends.RulesOnlyBackend",
    # Django's and allauth's, loading a session's person once per version of the users'
    # table (sterk/accounts/backends.py).
    "sterk.accounts.backends.ModelBackend",
    "sterk.accounts.backends.AuthenticationBackend",
]
# Django's checks with their messages in our catalogue (Django 5.2's Dutch one lacks the
# minimum-length message and says "Uw"): sterk.accounts.password_validation.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "sterk.accounts.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "sterk.accounts.password_validation.MinimumLengthValidator"},
    {"NAME": "sterk.accounts.password_validation.CommonPasswordValidator"},
    {"NAME": "sterk.accounts.password_validation.NumericPasswordValidator"},
]

# allauth: e-mail is the login; verification is mandatory before the account is usable.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_UNIQUE_EMAIL = True
# Sign-up, password reset and e-mail change answer alike for known and unknown addresses
# (the mailbox is told instead). allauth's default, stated because the platform relies on it.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Sterk Sociaal Werk] "
ACCOUNT_ADAPTER = "sterk.accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "sterk.accounts.forms.SignupExtraForm"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Sterk Sociaal Werk"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:my_page"
ACCOUNT_LOGOUT_REDIRECT_URL = "identity:home"

# Coordinators and chairs must have TOTP before they reach /beheer/. The demo (`make run`)
# may relax this; config/settings/prod.py refuses to start with it off.
STERK_REQUIRE_MFA_FOR_MANAGERS = True

# i18n: Dutch first, French and English translated.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("fr", "Français"), ("en", "English")]
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_LANGUAGES = ("nl", "fr", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nl",)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Uploads: one file at most this many bytes, one image at most this many pixels (a small PNG
# can unpack to gigabytes). Form fields and model fields both check (sterk.core.validators);
# Pillow's bomb guard follows the pixel limit. Request bodies without files stay at Django's
# 2.5 MB; files above FILE_UPLOAD_MAX_MEMORY_SIZE are streamed to a temporary file.
STERK_MAX_UPLOAD_BYTES = int(os.environ.get("STERK_MAX_UPLOAD_BYTES", 5 * 1024 * 1024))
STERK_MAX_IMAGE_PIXELS = int(os.environ.get("STERK_MAX_IMAGE_PIXELS", 40_000_000))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# Uploaded media in production: served by the reverse proxy (one app server) or by S3-
# compatible storage (several); see docs/deployment.md. STERK_SERVE_MEDIA=1 lets Django
# itself serve /media/ for one small instance without a proxy location.
STERK_SERVE_MEDIA = os.environ.get("STERK_SERVE_MEDIA", "") == "1"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Background jobs: the database queue (django-tasks-db); `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

DEFAULT_FROM_EMAIL = "Sterk Sociaal Werk <noreply@sterksociaalwerk.be>"
# The outbox (sterk.core.outbox). A claimed e-mail whose worker has not recorded a result
# after CLAIM_TIMEOUT seconds (the worker died) is sent again by the next worker, so an SMTP
# session must end well before that: EMAIL_TIMEOUT bounds every SMTP step.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", 30))
STERK_OUTBOX_CLAIM_TIMEOUT = float(os.environ.get("STERK_OUTBOX_CLAIM_TIMEOUT", 600))
# Temporary failures (connection refused or dropped, 4xx) wait RETRY_BASE seconds, doubling
# up to RETRY_MAX, for at most MAX_ATTEMPTS attempts (12: about a day), then fail.
STERK_OUTBOX_RETRY_BASE = float(os.environ.get("STERK_OUTBOX_RETRY_BASE", 60))
STERK_OUTBOX_RETRY_MAX = float(os.environ.get("STERK_OUTBOX_RETRY_MAX", 6 * 3600))
STERK_OUTBOX_MAX_ATTEMPTS = int(os.environ.get("STERK_OUTBOX_MAX_ATTEMPTS", 12))
# At most this many messages per second per worker (0: no limit; the mail provider's
# limit, e.g. 20); after BREAKER temporary failures in a row a drain pass stops and the
# rest waits for its backoff (0: off).
STERK_OUTBOX_RATE = float(os.environ.get("STERK_OUTBOX_RATE", 0))
STERK_OUTBOX_BREAKER = int(os.environ.get("STERK_OUTBOX_BREAKER", 0))
# Unconfirmed newsletter sign-ups are removed after this many hours (newsletter_cleanup).
STERK_NEWSLETTER_CONFIRM_HOURS = int(os.environ.get("STERK_NEWSLETTER_CONFIRM_HOURS", 72))
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address every absolute link is built on (sterk.core.site.absolute_url): e-mails,
# .ics, PDF, exports, share links. Production requires it (https); dev follows PORT.
STERK_SITE_URL = os.environ.get("STERK_SITE_URL", "http://127.0.0.1:8000")
SITE_ID = 1

# The layout's parts that only the code and the language decide (the stylesheet links, the
# footer's links: templates/base.html, `{% cache None ... using="layout" %}`), kept in each
# process's memory: nothing in them changes while a process runs, and a deploy restarts it.
LAYOUT_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "sterk-layout",
    "OPTIONS": {"MAX_ENTRIES": 100},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "layout": LAYOUT_CACHE,
}

# Content Security Policy: nonces for our own scripts, nothing inline, nothing third-party.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

SESSION_COOKIE_HTTPONLY = True
# Sessions read from the shared cache, kept in the database (sterk/accounts/sessions.py).
SESSION_ENGINE = "sterk.accounts.sessions"
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Contact form: at most this many requests per address per hour (spam guard, no CAPTCHA).
STERK_CONTACT_RATE_LIMIT = 5

# Public pages for visitors, kept in the shared cache per URL, language and data version
# (sterk.core.pagecache, decision 0007). STERK_PAGE_CACHE=0 turns it off; the timeout only
# bounds how long an unused page takes memory (freshness never depends on it).
STERK_PAGE_CACHE = os.environ.get("STERK_PAGE_CACHE", "1") != "0"
STERK_PAGE_CACHE_TIMEOUT = int(os.environ.get("STERK_PAGE_CACHE_TIMEOUT", 24 * 3600))

# Reverse proxies (IPs or CIDR networks) whose X-Forwarded-For is believed when they are
# the direct peer; anyone else's header is ignored (sterk.core.ratelimit.client_ip, also
# used by allauth's throttling through the account adapter). Empty: REMOTE_ADDR only.
STERK_TRUSTED_PROXIES = [
    p.strip() for p in os.environ.get("STERK_TRUSTED_PROXIES", "").split(",") if p.strip()
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

SITE_NAME = _("Sterk Sociaal Werk")

# SQLite ignores nulls_distinct=False on the role constraint; role_assign checks duplicates
# itself, and PostgreSQL enforces the constraint.
SILENCED_SYSTEM_CHECKS = ["models.W047"]

# The open-data API (sterk.api.http): requests per client address per period (seconds);
# over it, 429 with Retry-After.
STERK_API_RATE_LIMIT = (
    int(os.environ.get("STERK_API_RATE_LIMIT", "300")),
    int(os.environ.get("STERK_API_RATE_PERIOD", "60")),
)
