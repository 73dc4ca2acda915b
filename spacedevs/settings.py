"""Settings for spacedevs, driven by environment variables.

Every variable has a default that is safe for a local run; a production deployment (DEBUG off on a
non-local host) must set the ones that `ImproperlyConfigured` asks for.
"""

import ipaddress
import logging
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from spacedevs.rates import parse_rate

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
    if parse_rate(value) is None:
        raise ImproperlyConfigured(f"{name} must be a number of calls per period (15/hour), not {value!r}.")
    return value


def env_seconds(name, *, default):
    """A whole number of seconds, 0 or more."""
    value = os.environ.get(name, "").strip() or str(default)
    if not value.isdigit():
        raise ImproperlyConfigured(f"{name} must be a whole number of seconds, not {value!r}.")
    return int(value)


DEBUG = env_bool("DEBUG", default=False)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

# A local run (serving only loopback names) may use the development key; anything reachable from
# elsewhere must bring its own, with DEBUG on or off.
_LOCAL_ONLY = set(ALLOWED_HOSTS) <= {"127.0.0.1", "localhost", "[::1]", "testserver"}
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not _LOCAL_ONLY:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when ALLOWED_HOSTS names a host other than the local ones."
        )
    SECRET_KEY = "spacedevs-local-development-key-not-for-production"

# HTTPS=true: the service is reached over TLS (ended here or by a proxy in front, which says so with
# `X-Forwarded-Proto: https`). Plain HTTP is redirected (but the health checks, for probes), browsers are
# told to use HTTPS only (HSTS, for HSTS_SECONDS, its subdomains and the preload list included unless
# HSTS_INCLUDE_SUBDOMAINS or HSTS_PRELOAD is false), and the session and CSRF cookies are sent over
# HTTPS only. With it, `manage.py check --deploy` has nothing to warn about.
HTTPS = env_bool("HTTPS", default=False)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^health/"]
    SECURE_HSTS_SECONDS = env_seconds("HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

INSTALLED_APPS = [
    # The project's own app (spacedevs/apps.py): API keys, health checks, error pages, and the data
    # version every write bumps. First: its templates override the admin's and the browsable API's
    # (`admin/base_site.html`, `rest_framework/api.html`).
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
    "events",
    "mirror",
    "axes",
]

MIDDLEWARE = [
    # First and last: the Prometheus metrics time every request whole (see METRICS_ALLOWED_IPS).
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # First: a request whose client has hung up is not worked on (under gunicorn).
    "spacedevs.middleware.AbandonedRequestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything that may answer (CommonMiddleware's redirects): a preflight is answered here.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "spacedevs.middleware.AdminLoginThrottleMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # The admin's users and messages: Django's own middleware, for every path but the API's, which is
    # stateless (spacedevs.middleware.outside_the_api).
    "spacedevs.middleware.AuthenticationMiddleware",
    "spacedevs.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Nearest the views: a database that cannot be reached is a 503 with Retry-After.
    "spacedevs.errors.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",
    "spacedevs.metrics.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "spacedevs.urls"
WSGI_APPLICATION = "spacedevs.wsgi.application"

# The covering indexes of a spacecraft's flight statistics (`flight_spacecraft`, `docking_event_flight`,
# `launch_id_net`) carry their extra columns on PostgreSQL; on SQLite they are indexes of their keys,
# as Django's warning says, which is all SQLite needs of them.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

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


def database(url):
    """The settings of a database from its URL.

    SQLite needs nothing installed (an unset or empty DATABASE_URL); postgres://... selects PostgreSQL,
    the production database. Connections persist between requests (CONN_MAX_AGE) and are health-checked,
    so the service reconnects by itself after the database restarts. On PostgreSQL a connection gives up
    after DATABASE_CONNECT_TIMEOUT seconds and a statement after DATABASE_STATEMENT_TIMEOUT (libpq's
    options, which psycopg 3 and psycopg2 both pass on), and no call to the server outlives the statement
    timeout by more than a moment (`spacedevs.db.postgresql`), so a database that hangs never holds a
    worker until gunicorn kills it. `manage.py` runs its commands without a statement timeout.
    """
    settings = dj_database_url.parse(
        url, conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")), conn_health_checks=True
    )
    if settings["ENGINE"] == "django.db.backends.postgresql":
        settings["ENGINE"] = "spacedevs.db.postgresql"
        statement_ms = 1000 * env_seconds("DATABASE_STATEMENT_TIMEOUT", default=5)
        settings["OPTIONS"] = {
            "connect_timeout": env_seconds("DATABASE_CONNECT_TIMEOUT", default=3),
            # JIT off: PostgreSQL compiles a query whose estimated cost passes `jit_above_cost` to machine
            # code first, which took 5 s of a page whose JSON the database writes in 60 ms
            # (spacedevs/api/sqljson.py); the API's queries are short, and gain nothing from it.
            "options": f"-c statement_timeout={statement_ms} -c jit=off",
            **settings.get("OPTIONS", {}),
        }
        # psycopg 3 with server-side binding: every statement is prepared on its first run and kept for
        # the life of the (persistent) connection, so PostgreSQL plans the many-table joins of a detailed
        # payload once per connection instead of once per request (planning was most of the database's
        # time: 19 ms of 20 for a flight detail). DATABASE_PREPARED_STATEMENTS=false turns it off, for a
        # connection pooler that cannot keep prepared statements (PgBouncer before 1.21 in transaction
        # mode).
        if env_bool("DATABASE_PREPARED_STATEMENTS", default=True):
            settings["OPTIONS"].update(server_side_binding=True, prepare_threshold=1)
    elif settings["ENGINE"] == "django.db.backends.sqlite3":
        # Tests run on an SQLite database in memory, Django's default, said here because pytest-django
        # sees it only under Django's own ENGINE (not django_prometheus's, below): otherwise it names a
        # file for each pytest-xdist worker after this one's path, which cannot be opened.
        settings["TEST"] = {"NAME": ":memory:"}
    return settings


DATABASES = {"default": database(os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Read replicas (spacedevs/replicas.py): the API reads from them, everything else uses the primary.
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS", default=[]), start=1):
    DATABASES[f"replica{_number}"] = {
        **database(_url),
        # Tests read the primary's test database through it.
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["spacedevs.replicas.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# The admin: at ADMIN_URL ("admin/" by default; a path of your own keeps it out of scanners' lists).
# Logins are rationed per client address (ADMIN_LOGIN_RATE, see spacedevs.middleware), and django-axes
# locks a user out from an address after ADMIN_LOGIN_FAILURES failures in a row, for
# ADMIN_LOCKOUT_MINUTES (an admin lifts a lockout by deleting its access attempt in the admin, or with
# `manage.py axes_reset_username NAME`).
ADMIN_URL = os.environ.get("ADMIN_URL", "").strip().strip("/") or "admin"
ADMIN_URL += "/"
ADMIN_LOGIN_RATE = os.environ.get("ADMIN_LOGIN_RATE", "").strip() or "10/minute"
if parse_rate(ADMIN_LOGIN_RATE) is None:
    raise ImproperlyConfigured(
        f"ADMIN_LOGIN_RATE must be a number of calls per period (10/minute), not {ADMIN_LOGIN_RATE!r}."
    )
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURES") or 5)
AXES_COOLOFF_TIME = int(os.environ.get("ADMIN_LOCKOUT_MINUTES") or 60) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "spacedevs.api.throttling.client_ip"
AXES_VERBOSE = False

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
    "staticfiles": {"BACKEND": "spacedevs.storage.StaticFilesStorage"},
}
# Files `collectstatic` has not collected are served from the apps (see spacedevs.storage).
WHITENOISE_USE_FINDERS = True

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Redis (redis://host:6379/0), shared by every worker and host: the throttle's counts live in the
# default cache, responses and list counts in `responses`. Without it, each process keeps its own in
# local memory, at most 100 responses per worker (a detailed page of 100 flights is up to 800 KB, and a
# worker stays under 250 MB: make bench measures it).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
        "responses": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "spacedevs",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "responses": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "responses",
            "OPTIONS": {"MAX_ENTRIES": 100},
        },
    }

REST_FRAMEWORK = {
    # The API is public and read-only (a write is always answered 405). An API key (`Authorization:
    # Token KEY`) only gives its holder a throttle rate of its own; any other credential is anonymous.
    "DEFAULT_AUTHENTICATION_CLASSES": ["spacedevs.api.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": [
        # DRF's JSONRenderer's bytes, encoded by orjson.
        "spacedevs.api.renderers.ORJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "spacedevs.api.pagination.LimitOffsetPagination",
    "DEFAULT_FILTER_BACKENDS": ["spacedevs.api.filters.StrictFilterBackend"],
    # Our OpenAPI schema (`/2.2.0/schema/`): a component per mode, see spacedevs.api.schema.
    "DEFAULT_SCHEMA_CLASS": "spacedevs.api.schema.LL2AutoSchema",
    "EXCEPTION_HANDLER": "spacedevs.api.exceptions.exception_handler",
    # Off unless API_THROTTLE_RATE is set ("15/hour", LL2's free tier): then each client IP gets that many
    # calls; an API key gets its own rate. Counted in Redis when REDIS_URL is set (all workers and hosts
    # together), else in the process; `/2.2.0/api-throttle/` reports the budget, uncounted.
    "DEFAULT_THROTTLE_CLASSES": ["spacedevs.api.throttling.ApiRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env_rate("API_THROTTLE_RATE")},
    # The client is the connection's address: a client's own X-Forwarded-For would otherwise choose its
    # budget. Behind reverse proxies, NUM_PROXIES says how many, and the address they saw is used.
    "NUM_PROXIES": int(os.environ.get("NUM_PROXIES") or 0),
    "PAGE_SIZE": 10,
    # LL2 writes datetimes in UTC to the second, with a Z (TIME_ZONE is UTC).
    "DATETIME_FORMAT": "%Y-%m-%dT%H:%M:%SZ",
}

# LOG_FORMAT=json writes one JSON object a line (gunicorn's logs too, see gunicorn.conf.py); text is
# the default.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "").strip().lower() or "text"
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")

# The programme whose launches, events and vehicles `dashboard/starship/` shows, by its name in LL2.
STARSHIP_PROGRAM = os.environ.get("STARSHIP_PROGRAM") or "Starship"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s: %(message)s"},
        "json": {"()": "spacedevs.logs.JsonFormatter"},
    },
    "filters": {"without_traceback": {"()": "spacedevs.logs.WithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # A bad `Host` is one line (which host), not a traceback.
    "loggers": {"django.security.DisallowedHost": {"filters": ["without_traceback"]}},
}
if LOG_FORMAT == "json":
    # Python's warnings (a library's UserWarning) too, rather than as bare lines on standard error.
    logging.captureWarnings(True)

# The response cache and the data version (spacedevs/api/cache.py, spacedevs/dataversion.py).
# With REDIS_URL, responses, counts and the data version live in Redis, shared by every worker of every
# host; without it, in each worker's memory, with the data version in a file the host's workers share.
RESPONSE_CACHE = env_bool("RESPONSE_CACHE", default=True)
COUNT_CACHE = env_bool("COUNT_CACHE", default=True)
RESPONSE_CACHE_SECONDS = int(os.environ.get("RESPONSE_CACHE_SECONDS") or 60)
RESPONSE_MAX_AGE = int(os.environ.get("RESPONSE_MAX_AGE") or 0)
DATA_VERSION_FILE = os.environ.get("DATA_VERSION_FILE", "")
# The SQL of the views' querysets compiled once per shape (spacedevs/statements.py); off: per query, as
# Django does. STATEMENT_CACHE_CHECK (the test suite) compares every statement built from a kept shape
# with Django's own compilation of it.
STATEMENT_CACHE = env_bool("STATEMENT_CACHE", default=True)
STATEMENT_CACHE_CHECK = env_bool("STATEMENT_CACHE_CHECK", default=False)
# On PostgreSQL, the JSON of a payload whose serializer translates to SQL is written by the database
# (spacedevs/api/sqljson.py); off: always by the compiled serializers in Python.
SQL_PAYLOADS = env_bool("SQL_PAYLOADS", default=True)
# A detail the database writes is answered without Django's request path once Django has answered its
# kind, with the headers Django answered it with (spacedevs/api/details.py); off: always through Django.
FAST_DETAILS = env_bool("FAST_DETAILS", default=True)
# A served worker freezes what it loaded out of the garbage collector's sight, and pauses the collector
# while it serves a request (spacedevs/collection.py); off: Python's collector as it is.
GC_TUNING = env_bool("GC_TUNING", default=True)
# A served worker keeps the memory its large responses freed (spacedevs/memory.py; gunicorn.conf.py).
MALLOC_TUNING = env_bool("MALLOC_TUNING", default=True)

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
