"""Errors as DRF shapes them: a JSON body with a `detail`."""

from django.http import Http404
from rest_framework import status
from rest_framework.exceptions import APIException, NotFound
from rest_framework.views import exception_handler as drf_exception_handler


class BadQueryParameter(APIException):
    """400 for a bad value of a supported query parameter; `detail` names each parameter.

    Built from a `{parameter: [messages]}` mapping (a filterset's or a form's `errors`).
    """

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_parameter"

    def __init__(self, errors):
        self.parameters = sorted(errors)
        super().__init__(
            "; ".join(f"Invalid value for '{name}': {' '.join(errors[name])}" for name in self.parameters)
        )


def exception_handler(exc, context):
    """DRF's handler, plus the names of the offending parameters for a `BadQueryParameter`.

    An unknown id is `{"detail": "Not found."}`, as LL2 (an older DRF) says it and as a malformed id
    that matches no route is answered (`spacedevs.errors`), never naming the model. Errors it does not
    handle (the database's) go on to Django (`spacedevs.errors.DatabaseUnavailableMiddleware`).
    """
    if isinstance(exc, Http404):
        exc = NotFound()
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, BadQueryParameter):
        response.data["parameters"] = exc.parameters
    return response
