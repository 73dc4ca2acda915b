"""WSGI entry point, for gunicorn (`gunicorn -c gunicorn.conf.py`, which names `spacedevs.wsgi`).

A server whose static files are not collected would answer every browsable page and every admin page
500 (the manifest that names them is missing): it refuses to start instead, and says why.
"""

import os

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spacedevs.settings")

django_application = get_wsgi_application()


def check_static_files():
    """Raise `ImproperlyConfigured` unless the files the pages link to are collected in STATIC_ROOT."""
    try:
        for name in ("rest_framework/css/bootstrap.min.css", "admin/css/base.css"):
            staticfiles_storage.url(name)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"The static files are not collected in STATIC_ROOT ({settings.STATIC_ROOT}): run "
            "`python manage.py collectstatic --no-input` before starting the server (`make serve` does). "
            f"({error})"
        ) from None


check_static_files()

# Repeated API calls are answered from the response cache before Django sees them (RESPONSE_CACHE), and
# details the database writes with the headers Django answered their kind with (FAST_DETAILS).
from spacedevs.api.cache import ResponseCache  # noqa: E402 - needs the settings configured above
from spacedevs.api.details import WrittenDetails  # noqa: E402

application = ResponseCache(WrittenDetails(django_application))
