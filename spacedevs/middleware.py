"""Middleware of the service: work no client is waiting for is not done."""

import socket

from django.http import HttpResponse

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
