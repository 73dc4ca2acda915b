"""WSGI entry point, for gunicorn (`gunicorn spacedevs.wsgi`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spacedevs.settings")

django_application = get_wsgi_application()

# Repeated API calls are answered from the response cache before Django sees them (RESPONSE_CACHE).
from spacedevs.api.cache import ResponseCache  # noqa: E402 - needs the settings configured above

application = ResponseCache(django_application)
