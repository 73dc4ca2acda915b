"""Settings for spacedevs, driven by environment variables.

Every variable has a default that is safe for a local run; a production deployment (DEBUG off on a
non-local host) must set the ones that `ImproperlyConfigured` asks for.
"""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, *, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name, *, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_rate(name):
    """A DRF throttle rate ("15/hour": calls per second, minute, hour or day), or None when unset."""
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    match = re.fullmatch(r"([0-9]+)/(s|sec|second|m|min|minute|h|hour|d|day)", value)
    if match is None or int(match[1]) == 0:
        raise ImproperlyConfigured(f"{name} must be a number of calls per period (15/hour), not {value!r}.")
    return value


DEBUG = env_bool("DEBUG", default=False)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

# A local run (DEBUG, or serving only loopback names) may use the development key; anything reachable
# from elsewhere must bring its own.
_LOCAL_ONLY = set(ALLOWED_HOSTS) <= {"127.0.0.1", "localhost", "[::1]", "testserver"}
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or _LOCAL_ONLY):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when ALLOWED_HOSTS names a host other than the local ones."
        )
    SECRET_KEY = "spacedevs-local-development-key-not-for-production"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "agencies",
    "launches",
    "astronauts",
    "stations",
    "spacecraft",
    "events",
    "mirror",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "spacedevs.urls"
WSGI_APPLICATION = "spacedevs.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite needs nothing installed (an unset or empty DATABASE_URL); DATABASE_URL=postgres://...
# selects PostgreSQL, the production database. Connections persist between requests (CONN_MAX_AGE)
# and are health-checked.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

REST_FRAMEWORK = {
    # The API is public and read-only: no authentication, so a write is always answered 405.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "spacedevs.api.pagination.LimitOffsetPagination",
    "DEFAULT_FILTER_BACKENDS": ["spacedevs.api.filters.StrictFilterBackend"],
    "EXCEPTION_HANDLER": "spacedevs.api.exceptions.exception_handler",
    # Off unless API_THROTTLE_RATE is set ("15/hour", LL2's free tier): then each client IP gets that many
    # calls, counted in the default cache (local memory: per process, so each gunicorn worker counts
    # its own); `/2.2.0/api-throttle/` reports the budget, uncounted.
    "DEFAULT_THROTTLE_CLASSES": ["spacedevs.api.throttling.ApiRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env_rate("API_THROTTLE_RATE")},
    # The client is the connection's address: a client's own X-Forwarded-For would otherwise choose its
    # budget. Behind reverse proxies, NUM_PROXIES says how many, and the address they saw is used.
    "NUM_PROXIES": int(os.environ.get("NUM_PROXIES") or 0),
    "PAGE_SIZE": 10,
    # LL2 writes datetimes in UTC to the second, with a Z (TIME_ZONE is UTC).
    "DATETIME_FORMAT": "%Y-%m-%dT%H:%M:%SZ",
}

# The programme whose launches, events and vehicles `dashboard/starship/` shows, by its name in LL2.
STARSHIP_PROGRAM = os.environ.get("STARSHIP_PROGRAM") or "Starship"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
