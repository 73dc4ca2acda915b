"""LL2's objects built with the factories from the values of LL2's own payloads (tests/ll2/), with LL2's
ids, so that a test can compare what we serve with what LL2 served.

Each builder takes one object of a payload and returns the model instance, creating what it embeds;
an object met twice (an agency, a pad) is created once. Fields a payload does not hold keep the
factories' values, and the tests leave those keys out of the comparison (`tests.helpers.restricted_to`).
"""

import datetime

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection
from django.utils.dateparse import parse_datetime

from agencies.models import Agency
from astronauts.models import Astronaut
from launches.models import Launch, LauncherConfig, Location, Mission, Pad, Program
from spacecraft.models import Spacecraft, SpacecraftConfig, SpacecraftFlight
from tests.factories import (
    AgencyFactory,
    AgencyTypeFactory,
    AstronautFactory,
    AstronautFlightFactory,
    AstronautRoleFactory,
    AstronautStatusFactory,
    AstronautTypeFactory,
    LauncherConfigFactory,
    LaunchFactory,
    LaunchStatusFactory,
    LocationFactory,
    MissionFactory,
    MissionTypeFactory,
    OrbitFactory,
    PadFactory,
    ProgramFactory,
    RocketFactory,
    SpacecraftConfigFactory,
    SpacecraftConfigTypeFactory,
    SpacecraftFactory,
    SpacecraftFlightFactory,
    SpacecraftStatusFactory,
)


def reset_sequences():
    """Move PostgreSQL's id sequences past the ids inserted from LL2 (as `loaddata` does), so that the
    factories can go on creating rows without an id of their own. Nothing to do on SQLite."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _fields(payload, *, leave_out=()):
    """The plain values of a payload object: no `url`, no nested objects, none of `leave_out`."""
    return {
        key: value
        for key, value in payload.items()
        if key != "url" and key not in leave_out and not isinstance(value, dict | list)
    }


def _date(value):
    return None if value is None else datetime.date.fromisoformat(value)


def _datetime(value):
    return None if value is None else parse_datetime(value)


def _lookup(factory, payload):
    """A lookup object (`{id, name...}`) with LL2's id, created on first sight."""
    model = factory._meta.model
    return model.objects.filter(pk=payload["id"]).first() or factory(**payload)


def agency(payload):
    """An agency from its mini (`{id, url, name, type}`) or full shape; a fuller shape met later
    completes an agency created from a mini one."""
    fields = _fields(payload, leave_out={"type", "parent"})
    kind = AgencyTypeFactory(name=payload["type"]) if payload.get("type") else None
    existing = Agency.objects.filter(pk=payload["id"]).first()
    if existing is None:
        return AgencyFactory(**fields, type=kind, parent=None)
    Agency.objects.filter(pk=existing.pk).update(**fields, type=kind)
    existing.refresh_from_db()
    return existing


def spacecraft_config(payload):
    """A spacecraft configuration from its `SpacecraftConfigurationDetail` or `SpacecraftConfig` shape."""
    existing = SpacecraftConfig.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    fields = _fields(payload)
    if "maiden_flight" in fields:
        fields["maiden_flight"] = _date(fields["maiden_flight"])
    return SpacecraftConfigFactory(
        **fields, type=_lookup(SpacecraftConfigTypeFactory, payload["type"]), agency=agency(payload["agency"])
    )


def spacecraft(payload):
    """A spacecraft (without its flights) from its `Spacecraft` or `SpacecraftDetailed` shape."""
    existing = Spacecraft.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    return SpacecraftFactory(
        **_fields(payload),
        status=_lookup(SpacecraftStatusFactory, payload["status"]),
        spacecraft_config=spacecraft_config(payload["spacecraft_config"]),
    )


def _location(payload):
    existing = Location.objects.filter(pk=payload["id"]).first()
    return existing or LocationFactory(**_fields(payload))


def _pad(payload):
    existing = Pad.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    fields = _fields(payload, leave_out={"agency_id"})
    owner = payload.get("agency_id")
    if owner is not None and not Agency.objects.filter(pk=owner).exists():
        AgencyFactory(id=owner)
    return PadFactory(**fields, agency_id=owner, location=_location(payload["location"]))


def _mission(payload):
    if payload is None:
        return None
    existing = Mission.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    return MissionFactory(
        **_fields(payload, leave_out={"type"}),
        # LL2 serves a mission without a type as "".
        type=MissionTypeFactory(name=payload["type"]) if payload["type"] else None,
        orbit=_lookup(OrbitFactory, payload["orbit"]) if payload["orbit"] else None,
    )


def _program(payload):
    existing = Program.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    fields = _fields(payload)
    for key in ("start_date", "end_date"):
        if key in fields:
            fields[key] = _datetime(fields[key])
    return ProgramFactory(
        **fields,
        agencies=[agency(item) for item in payload["agencies"]],
        mission_patches=[],
    )


def launch(payload):
    """A launch from its `LaunchSerializerCommon` shape, with LL2's ids for everything it embeds."""
    existing = Launch.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    fields = _fields(payload)
    for key in ("last_updated", "net", "window_end", "window_start"):
        fields[key] = _datetime(fields[key])
    configuration = payload["rocket"]["configuration"]
    return LaunchFactory(
        **fields,
        status=_lookup(LaunchStatusFactory, payload["status"]),
        net_precision=None,
        launch_service_provider=agency(payload["launch_service_provider"]),
        rocket=RocketFactory(
            id=payload["rocket"]["id"],
            configuration=LauncherConfig.objects.filter(pk=configuration["id"]).first()
            # A launch's configuration names no manufacturer: none, rather than a made-up agency.
            or LauncherConfigFactory(**_fields(configuration), manufacturer=None),
        ),
        mission=_mission(payload["mission"]),
        pad=_pad(payload["pad"]),
        program=[_program(item) for item in payload["program"]],
    )


def flight(payload):
    """A spacecraft flight from its `SpacecraftFlight` shape (no crews, no landing)."""
    existing = SpacecraftFlight.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    return SpacecraftFlightFactory(
        id=payload["id"],
        destination=payload["destination"],
        mission_end=_datetime(payload["mission_end"]),
        spacecraft=spacecraft(payload["spacecraft"]),
        launch=launch(payload["launch"]),
        landing=None,
    )


# What an astronaut's payload shows that we derive from other rows (`Astronaut.objects.with_stats()`).
ASTRONAUT_DERIVED = {"age", "flights_count", "landings_count", "first_flight", "last_flight"}


def astronaut(payload):
    """An astronaut from its `AstronautNormal` shape, without flights (see `launch_crews`)."""
    existing = Astronaut.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    fields = _fields(payload, leave_out=ASTRONAUT_DERIVED)
    for key in ("date_of_birth", "date_of_death"):
        fields[key] = _date(fields[key])
    return AstronautFactory(
        **fields,
        status=_lookup(AstronautStatusFactory, payload["status"]),
        type=_lookup(AstronautTypeFactory, payload["type"]),
        agency=agency(payload["agency"]) if payload["agency"] else None,
    )


def launch_crews(astronauts_payload):
    """For astronauts built from their payloads: a flight at each NET that is one's `first_flight` or
    `last_flight`, with a launch crew listing them, so that the flight dates derived from crews are
    LL2's. Call after `reset_sequences()`: these rows get the factories' ids."""
    crews = {}
    for item in astronauts_payload:
        for key in ("first_flight", "last_flight"):
            if item[key] is not None:
                crews.setdefault(item[key], set()).add(item["id"])
    people = Astronaut.objects.in_bulk([item["id"] for item in astronauts_payload])
    role = AstronautRoleFactory()
    vehicle = SpacecraftFactory()
    for net, crew in crews.items():
        flown = SpacecraftFlightFactory(
            spacecraft=vehicle,
            launch=LaunchFactory(net=_datetime(net), mission=None, pad=None, program=[]),
            landing=None,
        )
        flown.launch_crew.set(
            [AstronautFlightFactory(role=role, astronaut=people[pk]) for pk in sorted(crew)]
        )
