"""A crawl over the demo data: every `url` in the flight list (detailed) and in what those links return,
three levels deep, answers 200 with the object whose id the link names, in a body that conforms to our
OpenAPI schema read strictly."""

import pytest

from tests.helpers import links

pytestmark = pytest.mark.django_db

LEVELS = 3


def test_every_link_three_levels_deep_resolves(api, demo, our_schema):
    first = api.get("/2.2.0/spacecraft/flight/", {"mode": "detailed", "limit": 100})
    start = first.json()
    assert start["count"] >= 20
    problems = our_schema.errors(first)

    seen = {}
    frontier = list(links(start["results"]))
    for _level in range(LEVELS):
        following = []
        for url, object_id in frontier:
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
    assert problems == []
