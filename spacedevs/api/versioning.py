"""API versions by URL namespace."""

from rest_framework.versioning import BaseVersioning


class PrefixVersioning(BaseVersioning):
    """The API version is the last part of the URL namespace (`2.2.0` or `api:2.2.0`).

    Links are reversed in the namespace of the request, so a response served under `/api/2.2.0/`
    links to `/api/2.2.0/...` and one under `/2.2.0/` to `/2.2.0/...`.
    """

    def determine_version(self, request, *args, **kwargs):
        return request.resolver_match.namespace.rsplit(":", 1)[-1]

    def reverse(self, viewname, args=None, kwargs=None, request=None, format=None, **extra):
        if request is not None and request.resolver_match.namespace:
            viewname = f"{request.resolver_match.namespace}:{viewname}"
        return super().reverse(viewname, args, kwargs, request, format, **extra)
