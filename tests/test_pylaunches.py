"""A real client: `pylaunches` (the library Home Assistant's Launch Library integration uses), pointed
at the demo served by gunicorn on loopback, makes every call it offers without an error, and the fields
its types declare are in what it gets.

The library is not changed: the client's base URL is the only thing set, as an app switching to this
service would set it.
"""

import asyncio
import sys
import typing
from pathlib import Path

import pytest

pylaunches = pytest.importorskip("pylaunches")
from pylaunches import types as pylaunches_types  # noqa: E402

from tests.servers import make_serve  # noqa: E402

# It starts gunicorn on a database of its own: CI runs it once (`.ci/run`).
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

# Fields pylaunches' types declare that LL2 2.2.0 itself does not serve, so neither do we: LL2 1.x and
# 2.0's `inhold`, `tbddate`, `tbdtime` and `launch_library_id` (launch, mission, rocket configuration),
# and the page keys `StarshipResponse` inherits from its list-response base (`dashboard/starship/` is one
# object, not a page).
NOT_IN_LL2_2_2_0 = {
    "Launch": {"inhold", "tbddate", "tbdtime", "launch_library_id"},
    "LaunchMission": {"launch_library_id"},
    "RocketConfiguration": {"launch_library_id"},
    "StarshipResponse": {"count", "next", "results"},
}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The demo, as `make run` loads it (with the synthetic upcoming launches and events), served by
    `make serve` (gunicorn) on a free loopback port, without a throttle."""
    with make_serve(tmp_path_factory.mktemp("pylaunches"), API_THROTTLE_RATE="") as base:
        yield base


def call(base, method, **kwargs):
    """`PyLaunches().<method>(**kwargs)` against `base`, the client's base URL set to it."""

    async def run():
        async with pylaunches.PyLaunches() as client:
            client._base_url = f"{base}/2.2.0"
            return await getattr(client, method)(**kwargs)

    return asyncio.run(run())


def missing_fields(value, declared):
    """The dotted paths of the fields the TypedDict `declared` (and those it nests) declares that
    `value` lacks, but those LL2 2.2.0 does not serve (`NOT_IN_LL2_2_2_0`)."""
    missing = []
    hints = typing.get_type_hints(declared)
    for name, hint in hints.items():
        if name in NOT_IN_LL2_2_2_0.get(declared.__name__, ()):
            continue
        if name not in value:
            missing.append(name)
            continue
        inner, nested = value[name], typing.get_origin(hint)
        if nested is list and typing.get_args(hint) and typing.is_typeddict(typing.get_args(hint)[0]):
            for index, item in enumerate(inner):
                missing += [
                    f"{name}[{index}].{path}" for path in missing_fields(item, typing.get_args(hint)[0])
                ]
        elif typing.is_typeddict(hint) and isinstance(inner, dict):
            missing += [f"{name}.{path}" for path in missing_fields(inner, hint)]
    return missing


def test_launch_upcoming_as_home_assistant_calls_it(served):
    # Home Assistant's call, with LL2's capitalised `True`.
    launches = call(served, "launch_upcoming", filters={"limit": 1, "hide_recent_previous": "True"})

    assert len(launches) == 1
    assert missing_fields(launches[0], pylaunches_types.Launch) == []


def test_dashboard_starship(served):
    dashboard = call(served, "dashboard_starship")

    assert dashboard["previous"]["launches"]
    assert dashboard["upcoming"]["launches"]
    assert missing_fields(dashboard, pylaunches_types.StarshipResponse) == []


@pytest.mark.parametrize("method", ["event", "event_upcoming", "event_previous"])
def test_events(served, method):
    events = call(served, method)

    assert events
    for event in events:
        assert missing_fields(event, pylaunches_types.Event) == []


def test_the_check_of_declared_fields_can_fail():
    assert missing_fields({"id": 1, "name": "x"}, pylaunches_types.Event) == [
        "date",
        "description",
        "feature_image",
        "launches",
        "location",
        "news_url",
        "slug",
        "type",
        "video_url",
    ]
