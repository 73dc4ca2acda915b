"""Settings for spacedevs, driven by environment variables.

Every variable has a default that is safe for a local run; a production deployment (DEBUG off on a
non-local host) must set the ones that `ImproperlyConfigured` asks for.
"""

import ipaddress
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
    # First: its templates override the admin's and the browsable API's (`admin/base_site.html`,
    # `rest_framework/api.html`).
    "spacedevs",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django_prometheus",
    "agencies",
    "launches",
    "astronauts",
    "stations",
    "spacecraft",
    "mirror",
]

MIDDLEWARE = [
    # First and last: the Prometheus metrics time every request whole (see METRICS_ALLOWED_IPS).
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything that may answer (CommonMiddleware's redirects): a preflight is answered here.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
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
    # Our OpenAPI schema (`/2.2.0/schema/`): a component per mode, see spacedevs.api.schema.
    "DEFAULT_SCHEMA_CLASS": "spacedevs.api.schema.LL2AutoSchema",
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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Our OpenAPI 3 schema (drf-spectacular) at `/2.2.0/schema/`, with Swagger UI and ReDoc served from our
# own static files (drf-spectacular-sidecar), so that they work offline and behind firewalls.
SPECTACULAR_SETTINGS = {
    "TITLE": "spacedevs: Launch Library 2 API",
    "DESCRIPTION": (
        "A self-hostable implementation of The Space Devs' Launch Library 2 (LL2) 2.2.0 API: the same "
        "payloads, read-only, without LL2's rate limit. Lists take `limit` (default 10, at most 100) and "
        "`offset`; `mode` picks the shape of a list's items where an endpoint has several. How this "
        "schema differs from LL2's own: `docs/schema-differences.md`."
    ),
    "VERSION": "2.2.0",
    # OpenAPI 3.1: a nullable object is `oneOf` its component and null, which 3.0 cannot say.
    "OAS_VERSION": "3.1.0",
    "DEFAULT_GENERATOR_CLASS": "spacedevs.api.schema.LL2SchemaGenerator",
    "SERVE_INCLUDE_SCHEMA": False,
    # Property enums stay where they are (a launch's `type` is a different constant in each shape).
    "POSTPROCESSING_HOOKS": [],
    # `/2.2.0/launch/` and `/api/2.2.0/launch/` are one operation, `launch_list`, tagged `launch`.
    "SCHEMA_PATH_PREFIX": r"/(api/)?2\.2\.0",
    # An LL2 id in a path (spacedevs.api.routers.LL2IdConverter) is an integer.
    "PATH_CONVERTER_OVERRIDES": {"ll2id": int},
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# CORS, as LL2 answers: any origin may call the API (`Access-Control-Allow-Origin: *`, preflight
# `OPTIONS` answered); the admin and the rest of the site send no CORS headers.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api/)?2\.2\.0/"


# Prometheus metrics (django-prometheus) at `/metrics`, readable from the addresses and networks of
# METRICS_ALLOWED_IPS only. The database and cache backends are wrapped to count queries and cache
# hits: whatever DATABASES and CACHES say above, the same backend with its counters.
def env_networks(name, *, default):
    try:
        return [ipaddress.ip_network(item, strict=False) for item in env_list(name, default=default)]
    except ValueError as error:
        raise ImproperlyConfigured(
            f"{name} must list IP addresses or networks (10.0.0.0/8): {error}"
        ) from None


METRICS_ALLOWED_IPS = env_networks("METRICS_ALLOWED_IPS", default=["127.0.0.1", "::1"])

INSTRUMENTED_BACKENDS = {
    "django.db.backends.postgresql": "django_prometheus.db.backends.postgresql",
    "django.db.backends.sqlite3": "django_prometheus.db.backends.sqlite3",
    "django.core.cache.backends.locmem.LocMemCache": "spacedevs.metrics.LocMemCache",
    "django.core.cache.backends.redis.RedisCache": "spacedevs.metrics.RedisCache",
}


def instrumented(connections, key):
    """`DATABASES` or `CACHES` with each backend (`key`: ENGINE or BACKEND) swapped for its counting twin."""
    return {
        alias: {**options, key: INSTRUMENTED_BACKENDS.get(options[key], options[key])}
        for alias, options in connections.items()
    }


DATABASES = instrumented(DATABASES, "ENGINE")
# CACHES as set above, or Django's own default (local memory) where nothing sets it.
CACHES = instrumented(
    globals().get("CACHES", {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}),
    "BACKEND",
)
