"""Optional rate limiting of the API, as LL2 limits its free tier, and the budget `api-throttle/` reports.

Off by default: a mirror exists to serve without limits. `API_THROTTLE_RATE` (read and checked by the
settings) turns it on for every viewset at once (`DEFAULT_THROTTLE_CLASSES`): each client, by IP address,
gets that many calls per period, counted in Django's cache; one call too many is answered 429 with
`Retry-After`.
"""

import math

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

# What `api-throttle/` says while throttling is off: LL2's clients read `your_request_limit` as a whole
# number (a null would read as 0, "no calls left", in typed clients), so "no limit" is the largest
# 32-bit integer per hour, which every client's "calls left" check passes.
UNLIMITED_REQUESTS = 2**31 - 1
UNLIMITED_PERIOD = 3600


class ApiRateThrottle(AnonRateThrottle):
    """DRF's per-IP throttle, reading its rate when it is used (so a changed setting applies) and able to
    report a client's use without counting a call.

    Our API has no authentication, so every client is anonymous and identified by its address (behind a
    proxy, DRF's `NUM_PROXIES` says which `X-Forwarded-For` entry is the client).
    """

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def usage(self, request, view):
        """LL2's `api-throttle/` answer for this request's client; the request itself is not counted."""
        ident = self.get_ident(request)
        if self.rate is None:
            return {
                "your_request_limit": UNLIMITED_REQUESTS,
                "limit_frequency_secs": UNLIMITED_PERIOD,
                "current_use": 0,
                "next_use_secs": 0,
                "ident": ident,
            }
        now = self.timer()
        # The cache keeps the newest call first; calls older than the period no longer count.
        calls = self.cache.get(self.get_cache_key(request, view), [])
        history = [moment for moment in calls if moment > now - self.duration]
        return {
            "your_request_limit": self.num_requests,
            "limit_frequency_secs": self.duration,
            "current_use": len(history),
            # When the oldest counted call leaves the period (what `Retry-After` says once the limit is
            # reached); 0 when no call counts.
            "next_use_secs": math.ceil(history[-1] + self.duration - now) if history else 0,
            "ident": ident,
        }
