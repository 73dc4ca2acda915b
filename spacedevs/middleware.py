"""Middleware of the service: work no client is waiting for is not done, admin logins are rationed, and
the admin's users and messages stay out of the API."""

import math
import socket
import time

import redis
from django.conf import settings
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.http import HttpResponse
from django.urls import reverse

from spacedevs.api.routers import API_PREFIXES
from spacedevs.api.throttling import KEY_PREFIX, call_log, client_ip
from spacedevs.errors import error_response
from spacedevs.rates import parse_rate

# nginx's name for it: the client closed the connection before the answer.
CLIENT_CLOSED_REQUEST = 499


class AbandonedRequestMiddleware:
    """A request whose client has already hung up is not served.

    Under load, requests wait for a worker; a client that gave up (its timeout passed) has closed its
    connection by the time a worker takes its request, and serving it anyway would only make the requests
    behind it wait longer. gunicorn hands over the client's socket (`gunicorn.socket`): if it reads as
    closed, the answer is an empty 499 that nobody reads, written to the access log.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        client = request.META.get("gunicorn.socket")
        if client is not None and hung_up(client):
            return HttpResponse(status=CLIENT_CLOSED_REQUEST)
        return self.get_response(request)


def hung_up(client) -> bool:
    """Whether the client closed its connection: reading it, without waiting or taking anything, finds
    its end (or an error) rather than nothing yet."""
    try:
        return client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


class AdminLoginThrottleMiddleware:
    """Login attempts to the admin, failed or not, are limited per client address (`ADMIN_LOGIN_RATE`,
    counted where the API's calls are): one too many is a 429 with `Retry-After`, answered before the
    password is hashed. Password hashing stays strong (each check costs a worker about 0.4 s of CPU),
    so this is what keeps a flood of logins from being a lever on the API's latency. django-axes then
    locks a user out from an address after `ADMIN_LOGIN_FAILURES` failures in a row.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rate = parse_rate(settings.ADMIN_LOGIN_RATE)
        if request.method == "POST" and rate and request.path == reverse("admin:login"):
            limit, period = rate
            now = time.time()
            try:
                allowed, calls = call_log().record(
                    f"{KEY_PREFIX}login:{client_ip(request)}", now=now, limit=limit, period=period
                )
            except redis.RedisError:
                allowed = True
            if not allowed:
                wait = math.ceil(calls.oldest + period - now)
                return error_response(
                    request,
                    429,
                    f"Too many login attempts; try again in {wait} seconds.",
                    headers={"Retry-After": str(wait)},
                )
        return self.get_response(request)


def outside_the_api(middleware):
    """`middleware`, for every path but the API's: an API request goes straight on to the next.

    The API is read-only and stateless: it has no logins or messages, and its one credential is an API
    key (`spacedevs.api.authentication`). Skipping the admin's user and messages saves an uncached flight
    detail 5% of its Python (2.31 M to 2.21 M instructions, 2026-11-29), and changes nothing in its
    answer. A subclass, so that Django's checks still find the admin's middleware (admin.E408, E409).
    The sessions and CSRF middleware stay whole: Django's deploy checks name them (security.W003,
    W012).
    """

    class OutsideTheApi(middleware):
        def __call__(self, request):
            if request.path_info.startswith(API_PREFIXES):
                return self.get_response(request)
            return super().__call__(request)

    OutsideTheApi.__name__ = OutsideTheApi.__qualname__ = middleware.__name__
    OutsideTheApi.__doc__ = f"{middleware.__module__}.{middleware.__name__}, outside the API."
    return OutsideTheApi


AuthenticationMiddleware = outside_the_api(AuthenticationMiddleware)
MessageMiddleware = outside_the_api(MessageMiddleware)
