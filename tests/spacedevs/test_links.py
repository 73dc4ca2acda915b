"""Every `url` in a flight payload answers 200 with the object it names, under both API prefixes."""

import pytest

from tests.factories import complete_flight
from tests.helpers import links

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("prefix", ["/2.2.0/", "/api/2.2.0/"])
def test_every_link_of_a_flight_resolves_to_the_object_it_names(api, prefix):
    for _ in range(2):
        complete_flight()
    page = api.get(f"{prefix}spacecraft/flight/", {"mode": "detailed"}).json()

    seen = set()
    frontier = list(links(page["results"]))
    for _depth in range(2):
        following = []
        for url, object_id in frontier:
            if url in seen:
                continue
            seen.add(url)
            assert url.startswith(f"http://testserver{prefix}")
            response = api.get(url)
            assert response.status_code == 200, url
            assert response.json()["id"] == object_id, url
            following.extend(links(response.json()))
        frontier = following

    kinds = {url.removeprefix(f"http://testserver{prefix}").rsplit("/", 2)[0] for url in seen}
    assert kinds == {
        "spacecraft/flight",
        "spacecraft",
        "config/spacecraft",
        "agencies",
        "launch",
        "config/launcher",
        "pad",
        "location",
        "program",
        "spacestation",
        "astronaut",
    }


# The endpoints that flight payloads link to: list and detail each run a fixed number of queries.
LINKED = [
    # (list path, queries of a list page, queries of a detail)
    # a spacecraft detail with its flights, their launches and the launches' programmes
    ("spacecraft/", 2, 5),
    ("config/spacecraft/", 2, 1),
    ("agencies/", 2, 3),
    # a launch detail is LL2's LaunchDetailed: configuration (with its programmes: none here), stages (none
    # here, so no boosters), programmes, updates, links, patches, and the spacecraft flight with its parts
    ("launch/", 5, 20),
    # configurations with their manufacturer, and their programmes (none here: no agencies or patches)
    ("config/launcher/", 3, 2),
    ("pad/", 2, 1),
    # a location detail with its pads
    ("location/", 2, 2),
    ("program/", 4, 3),
    ("spacestation/", 4, 5),
    # an astronaut detail with the launches of their launch crews (and programmes); the first astronaut
    # here is in a launch crew only, so the landings' flights stop at one query
    ("astronaut/", 2, 6),
]


@pytest.mark.parametrize(("path", "list_queries", "detail_queries"), LINKED)
def test_linked_endpoints_run_a_fixed_number_of_queries(
    api, python_payloads, django_assert_num_queries, path, list_queries, detail_queries
):
    for _ in range(3):
        complete_flight()

    for limit in (1, 100):
        with django_assert_num_queries(list_queries):
            page = api.get(f"/2.2.0/{path}", {"limit": limit}).json()
        assert len(page["results"]) == min(limit, page["count"])
        assert page["count"] > 1

    with django_assert_num_queries(detail_queries):
        response = api.get(page["results"][0]["url"])
    assert response.status_code == 200


@pytest.mark.parametrize(("path", "bad_id"), [("launch/", "not-a-uuid"), ("agencies/", "2147483648")])
def test_linked_endpoints_answer_404_for_malformed_ids(api, path, bad_id):
    assert api.get(f"/2.2.0/{path}{bad_id}/").status_code == 404
