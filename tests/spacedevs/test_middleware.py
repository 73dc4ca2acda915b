"""A request whose client hung up while it waited for a worker is not worked on."""

import socket

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from spacedevs.middleware import CLIENT_CLOSED_REQUEST, AbandonedRequestMiddleware


@pytest.fixture
def middleware():
    served = []

    def view(request):
        served.append(request.path)
        return HttpResponse("served")

    handler = AbandonedRequestMiddleware(view)
    handler.served = served
    return handler


def request_over(sock):
    return RequestFactory().get("/2.2.0/launch/", **{"gunicorn.socket": sock})


def test_a_request_whose_client_waits_is_served(middleware):
    server, client = socket.socketpair()
    with server, client:
        response = middleware(request_over(server))

    assert response.status_code == 200
    assert middleware.served == ["/2.2.0/launch/"]


def test_a_request_whose_client_hung_up_is_not_served(middleware):
    server, client = socket.socketpair()
    client.close()
    with server:
        response = middleware(request_over(server))

    assert response.status_code == CLIENT_CLOSED_REQUEST
    assert middleware.served == []


def test_without_gunicorn_every_request_is_served(middleware):
    assert middleware(RequestFactory().get("/2.2.0/")).status_code == 200
