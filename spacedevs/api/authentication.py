"""API keys sent as LL2's clients send theirs: `Authorization: Token KEY`."""

from django.contrib.auth.models import AnonymousUser
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from spacedevs.models import ApiKey, hash_key


class ApiKeyAuthentication(BaseAuthentication):
    """A known, active key makes the request's `auth` that `ApiKey` (its user stays anonymous: the API
    is public and read-only); the throttle then counts the key's calls at the key's rate.

    Anything else (no header, another scheme, a key we do not know or that is inactive) is anonymous:
    never a 401, since LL2's clients send their LL2 key with every call, to any server.
    """

    def authenticate(self, request):
        words = get_authorization_header(request).split()
        if len(words) != 2 or words[0].lower() != b"token":
            return None
        try:
            key = words[1].decode("ascii")
        except UnicodeDecodeError:
            return None
        api_key = ApiKey.objects.filter(hashed_key=hash_key(key), active=True).first()
        return None if api_key is None else (AnonymousUser(), api_key)
