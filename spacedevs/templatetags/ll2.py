"""`{% api_url "schema" %}`: a link of the API under the prefix of the page (`/2.2.0/` or `/api/2.2.0/`)."""

from django import template
from django.urls import NoReverseMatch, reverse

from spacedevs.api.routers import API_VERSION

register = template.Library()


@register.simple_tag(takes_context=True)
def api_url(context, name):
    """The path of the API's route `name` in the request's namespace, or under `/2.2.0/` on a page
    outside the API (an error page); the site's root where the URLconf serves no API at all."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    namespace = (
        match.namespace if match is not None and match.namespace.endswith(API_VERSION) else API_VERSION
    )
    try:
        return reverse(f"{namespace}:{name}")
    except NoReverseMatch:
        return "/"
