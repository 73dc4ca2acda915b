"""A crawl over the demo data: every `url` in the flight list (detailed), the events, the upcoming
launches, the boosters, the ports, the landing locations and the Starship dashboard, and in what those
links return, three levels deep, answers 200 with the object whose id the link names, in a body that
conforms to our OpenAPI schema read strictly."""

import pytest

from tests.helpers import links

pytestmark = pytest.mark.django_db

LEVELS = 3
API = "http://testserver/2.2.0/"


# Where the crawl starts: the flight list (detailed) and the lists this one's links do not reach, each in
# its richest mode.
STARTS = [
    ("/2.2.0/spacecraft/flight/", {"mode": "detailed"}),
    ("/2.2.0/event/", {}),
    ("/2.2.0/launch/upcoming/", {"mode": "detailed"}),
    ("/2.2.0/launcher/", {"mode": "detailed"}),
    ("/2.2.0/config/dockinglocation/", {}),
    ("/2.2.0/config/landinglocation/", {}),
    ("/2.2.0/dashboard/starship/", None),
]


def starts(api):
    """The responses of every start, each answering with something to follow."""
    responses = []
    for path, params in STARTS:
        response = api.get(path, None if params is None else {**params, "limit": 100})
        body = response.json()
        assert body if params is None else body["results"], path
        responses.append(response)
    return responses


def test_every_link_three_levels_deep_resolves(api, demo, our_schema):
    responses = starts(api)
    problems = [problem for response in responses for problem in our_schema.errors(response)]
    seen = {}
    frontier = [link for response in responses for link in links(response.json())]
    for _level in range(LEVELS):
        following = []
        for url, object_id in frontier:
            # A notice's `url` is the notice's own page, elsewhere.
            if not url.startswith(API):
                continue
            if url in seen:
                assert seen[url] == object_id, f"{url} is named for two objects"
                continue
            seen[url] = object_id
            response = api.get(url)
            assert response.status_code == 200, url
            problems += our_schema.errors(response)
            body = response.json()
            assert str(body["id"]) == str(object_id), url
            following.extend(links(body))
        frontier = following

    # The crawl reached the objects of every kind the payloads link to, not just a few.
    assert len(seen) > 50
    # Among them, every kind the new payloads link to.
    for kind in ("/event/", "/launcher/", "/expedition/", "/spacestation/", "/program/", "/config/launcher/"):
        assert any(kind in url for url in seen), kind
    assert problems == []
