"""Errors as DRF shapes them: a JSON body with a `detail`."""

from rest_framework import status
from rest_framework.exceptions import APIException
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
    """DRF's handler, plus the names of the offending parameters for a `BadQueryParameter`."""
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, BadQueryParameter):
        response.data["parameters"] = exc.parameters
    return response
