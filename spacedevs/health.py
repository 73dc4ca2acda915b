"""`/health/live` and `/health/ready`, for load balancers, orchestrators and the compose healthcheck.

Plain Django views, outside the API: never throttled, never counted, never cached, and redirected to
HTTPS by no setting (`SECURE_REDIRECT_EXEMPT`), so that a probe over plain HTTP gets its answer.
"""

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from spacedevs.errors import UNREACHABLE, database_unavailable


@never_cache
@require_safe
def live(request):
    """The process answers: 200, whatever the database does."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def ready(request):
    """The database answers a query within its timeouts (`DATABASE_CONNECT_TIMEOUT`,
    `DATABASE_STATEMENT_TIMEOUT`): 200; otherwise 503 with `Retry-After`, and the balancer sends the
    traffic elsewhere until it answers again."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except UNREACHABLE:
        return database_unavailable(request)
    return JsonResponse({"status": "ok", "database": "ok"})
