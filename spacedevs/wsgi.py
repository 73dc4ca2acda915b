"""WSGI entry point, for gunicorn (`gunicorn spacedevs.wsgi`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spacedevs.settings")

application = get_wsgi_application()
