"""LL2's objects, in any of the shapes LL2 2.1.0 and 2.2.0 serve them, read into our models.

One method of `Reader` per kind of object; each takes the object's JSON and its JSON path, upserts the
object and what it embeds, and returns the instance (or FAILED). A shape is read by its keys, so the
same method reads every shape of its kind (a list item, a detail, an old 2.1.0 item): a key the
object does not carry leaves the stored field alone, a key we do not store (a newer LL2 field, a value
we derive such as an astronaut's `age`, a link) is ignored.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db.models import Model

from agencies.models import Agency, AgencyType
from astronauts.models import Astronaut, AstronautFlight, AstronautRole, AstronautStatus, AstronautType
from events.models import Event, EventType, LiveStream, Notice, NoticeType, RoadClosure, RoadClosureStatus
from launches.models import (
    FirstStage,
    FirstStageType,
    InfoURL,
    Landing,
    LandingLocation,
    LandingType,
    Launch,
    Launcher,
    LauncherConfig,
    LaunchStatus,
    Location,
    Mission,
    MissionPatch,
    MissionType,
    NetPrecision,
    Orbit,
    Pad,
    Program,
    Rocket,
    Update,
    VidURL,
)
from mirror.importer.store import CREATED, FAILED, UPDATED, _Failed, kind
from mirror.importer.values import BadValue, field_value, shown
from spacecraft.models import (
    DockingEvent,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigType,
    SpacecraftFlight,
    SpacecraftStatus,
)
from stations.models import DockingLocation, Expedition, SpaceStation, SpaceStationStatus, SpaceStationType


def json_type(raw) -> str:
    """How a problem names the JSON type of a value."""
    if isinstance(raw, dict):
        return "an object"
    if isinstance(raw, list):
        return "a list"
    return shown(raw)


def _links_of(model, names):
    """The reader of a launch's stored links of `model`, as tuples of `names`, in their order."""

    def read(launch, key):
        return list(model.objects.filter(launch=launch).order_by("priority", "id").values_list(*names))

    return read


class Obj:
    """One LL2 object being read into a `model` row: its id and plain fields, then its relations, key by
    key, then `save()`. A problem with any of it is recorded and makes `save()` return FAILED."""

    def __init__(self, reader, model, data, path):
        self.reader = reader
        self.store = reader.store
        self.model = model
        self.data = data
        self.path = path
        self.fields = {}
        self.m2m = {}
        self.keys = {}
        self.failed = False
        self.pk = self._pk()
        for field in model._meta.concrete_fields:
            if field.name in data and not field.is_relation and not field.primary_key:
                self._plain(field)

    def _pk(self):
        if "id" not in self.data:
            self.fail(self.path, f"a {kind(self.model)} without an 'id'")
            return None
        try:
            return field_value(self.model._meta.pk, self.data["id"])
        except BadValue as error:
            self.fail(f"{self.path}.id", str(error))
            return None

    def _plain(self, field):
        try:
            self.fields[field.name] = field_value(field, self.data[field.name])
        except BadValue as error:
            self.fail(f"{self.path}.{field.name}", str(error))

    def fail(self, path, message) -> None:
        self.store.problem(path, message)
        self.failed = True

    def at(self, key) -> str:
        return f"{self.path}.{key}"

    def one(self, key, read, *, field=None, **context) -> Model | None:
        """The related object under `key` (an object, or null), read with `read`, into `field`."""
        if key not in self.data:
            return None
        name = field or key
        self.keys[name] = key
        raw = self.data[key]
        if raw is None:
            if self.model._meta.get_field(name).null:
                self.fields[name] = None
            else:
                self.fail(self.at(key), f"null, but a {kind(self.model)} needs a {key}")
            return None
        target = self.reader.nested(read, raw, self.at(key), **context)
        if target is FAILED:
            self.failed = True
            return None
        self.fields[name] = target
        return target

    def many(self, key, read, *, field=None, **context) -> None:
        """The related objects listed under `key`, read with `read`: the whole set of `field`."""
        if key not in self.data:
            return
        targets = self.reader.many(read, self.data[key], self.at(key), **context)
        if targets is FAILED:
            self.failed = True
        else:
            self.m2m[field or key] = targets

    def by_name(self, key, model, *, field=None, blank_is_none=False, off_ll2_ids=False) -> None:
        """The lookup object that LL2 serves as its name under `key` (see `Store.named`)."""
        if key not in self.data:
            return
        name = field or key
        raw = self.data[key]
        if raw is not None and not isinstance(raw, str):
            self.fail(self.at(key), f"expected a name, got {json_type(raw)}")
        elif raw is None or (blank_is_none and raw == ""):
            self.fields[name] = None
        else:
            stored = None if self.pk is None else self.store.get(self.model, self.pk)
            current = None if stored is None else getattr(stored, self.model._meta.get_field(name).attname)
            self.fields[name] = self.store.named(model, raw, current=current, off_ll2_ids=off_ll2_ids)

    def set(self, field, value) -> None:
        """A field the object's place in the payload gives (a flight listed by its spacecraft)."""
        self.fields[field] = value

    def save(self) -> Model | _Failed:
        if self.failed or self.pk is None:
            return FAILED
        return self.store.upsert(self.model, self.pk, self.fields, self.m2m, path=self.path, keys=self.keys)


class Reader:
    """Reads LL2 objects into the database through `store` (see the module docstring)."""

    def __init__(self, store):
        self.store = store
        # The `config/...` lookups read by `of_kind` without a method of their own.
        self.lookups = {
            "agency_type": self.named_lookup(AgencyType),
            "astronaut_role": self.plain(AstronautRole),
            "astronaut_status": self.plain(AstronautStatus),
            "astronaut_type": self.plain(AstronautType),
            "event_type": self.plain(EventType),
            "first_stage_type": self.named_lookup(FirstStageType),
            "launch_status": self.plain(LaunchStatus),
            "mission_type": self.named_lookup(MissionType),
            "notice_type": self.plain(NoticeType),
            "road_closure_status": self.plain(RoadClosureStatus),
            "spacecraft_status": self.plain(SpacecraftStatus),
            "spacestation_status": self.plain(SpaceStationStatus),
        }

    def of_kind(self, kind) -> Callable[[dict[str, Any], str], Model | _Failed | None]:
        """The reader of a kind of object (`mirror.importer.run.KINDS`)."""
        return self.lookups.get(kind) or getattr(self, kind)

    def nested(self, read, raw, path, **context) -> Model | _Failed:
        if not isinstance(raw, dict):
            return self.store.problem(path, f"expected an object, got {json_type(raw)}")
        return read(raw, path, **context)

    def many(self, read, raw, path, **context) -> list[Model] | _Failed:
        """The objects of the list `raw`, each read with `read`; FAILED if any (or the list) failed."""
        if not isinstance(raw, list):
            return self.store.problem(path, f"expected a list, got {json_type(raw)}")
        targets = [self.nested(read, item, f"{path}[{index}]", **context) for index, item in enumerate(raw)]
        return FAILED if any(target is FAILED for target in targets) else targets

    def plain(self, model) -> Callable[[dict[str, Any], str], Model | _Failed]:
        """The reader of a lookup object with no relations (a status, an orbit...)."""
        return lambda data, path: Obj(self, model, data, path).save()

    # -- agencies ------------------------------------------------------------------------------------

    def agency(self, data, path) -> Agency | _Failed:
        """An agency in any shape: mini (`{id, url, name, type}`), normal, detailed with its
        `launcher_list` (the configurations it manufactures) and `spacecraft_list` (its spacecraft
        configurations). Its `type` and `parent` are names."""
        obj = Obj(self, Agency, data, path)
        obj.by_name("type", AgencyType)
        agency = obj.save()
        if agency is FAILED:
            return FAILED
        results = [
            self._parent(agency, data["parent"], obj.at("parent")) if "parent" in data else None,
            self.many(
                self.launcher_config,
                data.get("launcher_list", []),
                obj.at("launcher_list"),
                manufacturer=agency,
            ),
            self.many(
                self.spacecraft_config,
                data.get("spacecraft_list", []),
                obj.at("spacecraft_list"),
                agency=agency,
            ),
        ]
        return FAILED if FAILED in results else agency

    def _parent(self, agency, name, path):
        # The parent is served as a name, and may be an agency listed later in the input.
        if name is not None and not isinstance(name, str):
            return self.store.problem(path, f"expected a name, got {json_type(name)}")
        if name is None:
            self.store.update(agency, {"parent": None})
            self.store.resolved(agency, "parent")
        else:
            self.store.later(
                agency, "parent", path=path, target=Agency, lookup="name", value=name, description="parent"
            )

    # -- launches ------------------------------------------------------------------------------------

    def launcher_config(self, data, path, *, manufacturer=None) -> LauncherConfig | _Failed:
        obj = Obj(self, LauncherConfig, data, path)
        obj.one("manufacturer", self.agency)
        if manufacturer is not None:
            obj.set("manufacturer", manufacturer)
        obj.many("program", self.program)
        return obj.save()

    def program(self, data, path) -> Program | _Failed:
        obj = Obj(self, Program, data, path)
        obj.many("agencies", self.agency)
        obj.many("mission_patches", self.mission_patch)
        return obj.save()

    def mission_patch(self, data, path) -> MissionPatch | _Failed:
        obj = Obj(self, MissionPatch, data, path)
        obj.one("agency", self.agency)
        return obj.save()

    def location(self, data, path) -> Location | _Failed:
        """A location; its detail (no `url`) lists its pads."""
        location = Obj(self, Location, data, path).save()
        if location is FAILED:
            return FAILED
        pads = self.many(self.pad, data.get("pads", []), f"{path}.pads", location=location)
        return FAILED if pads is FAILED else location

    def pad(self, data, path, *, location=None) -> Pad | _Failed:
        obj = Obj(self, Pad, data, path)
        obj.one("location", self.location)
        if location is not None:
            obj.set("location", location)
        pad = obj.save()
        if pad is not FAILED and "agency_id" in data:
            self._agency_id(pad, data["agency_id"], obj.at("agency_id"))
        return pad

    def _agency_id(self, pad, agency_id, path):
        try:
            pk = field_value(Agency._meta.pk, agency_id) if agency_id is not None else None
        except BadValue as error:
            return self.store.problem(path, str(error))
        agency = None if pk is None else self.store.get(Agency, pk)
        if pk is None or agency is not None:
            self.store.update(pad, {"agency": agency})
            self.store.resolved(pad, "agency")
        else:
            # An agency listed later in the input, or stored by another run.
            self.store.later(
                pad, "agency", path=path, target=Agency, lookup="pk", value=pk, description="agency_id"
            )

    def mission(self, data, path) -> Mission | _Failed:
        obj = Obj(self, Mission, data, path)
        # LL2 serves a mission without a type as "".
        obj.by_name("type", MissionType, blank_is_none=True)
        obj.one("orbit", self.orbit)
        return obj.save()

    def orbit(self, data, path) -> Orbit | _Failed:
        """An orbit with its LL2 id (a mission's): it takes the place of an orbit of its name that a
        station's payload, which serves it by name, made before."""
        orbit = Obj(self, Orbit, data, path).save()
        if orbit is not FAILED and orbit.pk >= 0:
            self.store.adopt(orbit)
        return orbit

    def rocket(self, data, path) -> Rocket | _Failed:
        """A launch's rocket: its configuration, and in a launch detail its boosters (`launcher_stage`).
        Its `spacecraft_stage` is the launch's flight, read by `launch`."""
        obj = Obj(self, Rocket, data, path)
        obj.one("configuration", self.launcher_config)
        rocket = obj.save()
        if rocket is FAILED:
            return FAILED
        stages = self.many(
            self.first_stage, data.get("launcher_stage", []), obj.at("launcher_stage"), rocket=rocket
        )
        return FAILED if stages is FAILED else rocket

    def first_stage(self, data, path, *, rocket) -> FirstStage | _Failed:
        obj = Obj(self, FirstStage, data, path)
        obj.set("rocket", rocket)
        obj.by_name("type", FirstStageType)
        obj.one("launcher", self.launcher)
        obj.one("landing", self.landing)
        return obj.save()

    def launcher(self, data, path) -> Launcher | _Failed:
        obj = Obj(self, Launcher, data, path)
        obj.one("launcher_config", self.launcher_config)
        return obj.save()

    def landing(self, data, path) -> Landing | _Failed:
        obj = Obj(self, Landing, data, path)
        obj.one("location", self.landing_location)
        obj.one("type", self.plain(LandingType))
        return obj.save()

    def landing_location(self, data, path) -> LandingLocation | _Failed:
        obj = Obj(self, LandingLocation, data, path)
        obj.one("location", self.location)
        return obj.save()

    def launch(self, data, path) -> Launch | _Failed:
        """A launch in any shape: `list` (its relations flattened to names, which are not read), normal,
        detailed (with updates, info and video links, boosters and spacecraft flight)."""
        obj = Obj(self, Launch, data, path)
        obj.one("status", self.plain(LaunchStatus))
        obj.one("net_precision", self.plain(NetPrecision))
        obj.one("launch_service_provider", self.agency)
        obj.one("rocket", self.rocket)
        # The `list` shape serves the mission and the pad as their names: nothing to read there.
        if not isinstance(data.get("mission"), str):
            obj.one("mission", self.mission)
        if not isinstance(data.get("pad"), str):
            obj.one("pad", self.pad)
        obj.many("program", self.program)
        obj.many("mission_patches", self.mission_patch)
        launch = obj.save()
        if launch is FAILED:
            return FAILED
        results = [
            self.many(self.update, data.get("updates", []), obj.at("updates"), launch=launch),
            self._links(InfoURL, launch, data, "infoURLs", path),
            self._links(VidURL, launch, data, "vidURLs", path),
        ]
        stage = data["rocket"].get("spacecraft_stage") if isinstance(data.get("rocket"), dict) else None
        if stage is not None:
            results.append(self.nested(self.flight, stage, obj.at("rocket.spacecraft_stage"), launch=launch))
        return FAILED if FAILED in results else launch

    def update(self, data, path, *, launch=None, event=None) -> Update | _Failed:
        """An update; listed by a launch or an event, it is that one's (`updates/` names neither)."""
        obj = Obj(self, Update, data, path)
        if launch is not None:
            obj.set("launch", launch)
        if event is not None:
            obj.set("event", event)
        return obj.save()

    def named_lookup(self, model) -> Callable[[dict[str, Any], str], Model | _Failed]:
        """The reader of a lookup that other objects serve by its name (an agency type, a mission
        type, a booster's role), in its `config/...` shape `{id, name}`. A row of that name made from a
        name alone keeps its id (the objects naming it keep pointing at it); else the lookup is
        upserted by its LL2 id."""

        def read(data, path):
            name = data.get("name")
            if isinstance(name, str) and self.store.get(model, data.get("id")) is None:
                existing = model.objects.filter(name=name).values_list("pk", flat=True).first()
                if existing is not None:
                    return self.store.named(model, name)
            return Obj(self, model, data, path).save()

        return read

    # -- events ----------------------------------------------------------------------------------------

    def event(self, data, path) -> Event | _Failed:
        """An event, with its type, launches, expeditions, stations, programmes and updates."""
        obj = Obj(self, Event, data, path)
        obj.one("type", self.plain(EventType))
        obj.many("launches", self.launch)
        obj.many("expeditions", self.expedition)
        obj.many("spacestations", self.station)
        obj.many("program", self.program)
        event = obj.save()
        if event is FAILED:
            return FAILED
        updates = self.many(self.update, data.get("updates", []), obj.at("updates"), event=event)
        return FAILED if updates is FAILED else event

    def road_closure(self, data, path) -> RoadClosure | _Failed:
        obj = Obj(self, RoadClosure, data, path)
        obj.one("status", self.plain(RoadClosureStatus))
        return obj.save()

    def notice(self, data, path) -> Notice | _Failed:
        obj = Obj(self, Notice, data, path)
        obj.one("type", self.plain(NoticeType))
        return obj.save()

    def dashboard(self, data, path) -> None:
        """`dashboard/starship/`: its launches and events, vehicles, road closures and notices, each
        upserted by id; its live streams, which have no ids, replace the stored ones when they differ."""
        for side in ("upcoming", "previous"):
            slate = data.get(side)
            if not isinstance(slate, dict):
                self.store.problem(f"{path}.{side}", f"expected an object, got {json_type(slate)}")
                continue
            self.many(self.launch, slate.get("launches", []), f"{path}.{side}.launches")
            self.many(self.event, slate.get("events", []), f"{path}.{side}.events")
        vehicles = self.many(self.launcher, data.get("vehicles", []), f"{path}.vehicles")
        if vehicles is not FAILED:
            self._of_the_dashboard_programme(vehicles, f"{path}.vehicles")
        self.many(self.road_closure, data.get("road_closures", []), f"{path}.road_closures")
        self.many(self.notice, data.get("notices", []), f"{path}.notices")
        if "live_streams" in data:
            self._live_streams(data["live_streams"], f"{path}.live_streams")

    def _of_the_dashboard_programme(self, vehicles, path):
        """The dashboard's vehicles are its programme's (`settings.STARSHIP_PROGRAM`, which its launches
        bring), though their short configuration does not say so: their configurations join it."""
        program = Program.objects.filter(name=settings.STARSHIP_PROGRAM).order_by("id").first()
        if program is None:
            return
        for config_pk in dict.fromkeys(vehicle.launcher_config_id for vehicle in vehicles):
            held = list(Program.objects.filter(launcher_configs=config_pk).order_by("id"))
            if program not in held:
                self.store.upsert(LauncherConfig, config_pk, {}, {"program": [*held, program]}, path=path)

    def _live_streams(self, raw, path):
        if not isinstance(raw, list):
            return self.store.problem(path, f"expected a list, got {json_type(raw)}")
        names = ["title", "description", "image", "url"]
        rows = [self._row(LiveStream, names, item, f"{path}[{index}]") for index, item in enumerate(raw)]
        if FAILED in rows:
            return FAILED
        wanted = [tuple(row[name] for name in names) for row in rows]
        if wanted != list(LiveStream.objects.order_by("id").values_list(*names)):
            LiveStream.objects.all().delete()
            for stream in LiveStream.objects.bulk_create(LiveStream(**row) for row in rows):
                self.store.record(LiveStream, stream.pk, CREATED)
        return None

    def _row(self, model, names, item, path):
        """The values of `names` of `model` that a JSON object without id holds (a launch's link, a live
        stream), each missing one at its default; FAILED, with the problems recorded, if any is bad."""
        if not isinstance(item, dict):
            return self.store.problem(path, f"expected an object, got {json_type(item)}")
        if "url" not in item:
            return self.store.problem(path, "a link without a 'url'")
        row, failed = {}, False
        for name in names:
            field = model._meta.get_field(name)
            try:
                row[name] = field_value(field, item[name]) if name in item else field.get_default()
            except BadValue as error:
                failed = self.store.problem(f"{path}.{name}", str(error))
        return FAILED if failed else row

    def _links(self, model, launch, data, key, path):
        """A launch's `infoURLs` or `vidURLs`: they carry no id, so the list replaces the stored one
        when it differs (LL2 2.0's plain URL strings are read as links with just a URL)."""
        if key not in data:
            return None
        raw = data[key]
        path = f"{path}.{key}"
        if not isinstance(raw, list):
            return self.store.problem(path, f"expected a list, got {json_type(raw)}")
        names = ["priority", "title", "description", "feature_image", "url"]
        rows = [
            self._row(model, names, {"url": item} if isinstance(item, str) else item, f"{path}[{index}]")
            for index, item in enumerate(raw)
        ]
        if FAILED in rows:
            return FAILED
        wanted = [tuple(row[name] for name in names) for row in rows]
        stored = _links_of(model, names)(launch, key)
        if wanted != stored:
            model.objects.filter(launch=launch).delete()
            model.objects.bulk_create(model(launch=launch, **row) for row in rows)
            # The links have no identity of their own: replacing them is a change of the launch.
            self.store.changed(launch, key, stored, reader=_links_of(model, names))
            self.store.record(Launch, launch.pk, UPDATED)
        return None

    # -- stations --------------------------------------------------------------------------------------

    def station(self, data, path) -> SpaceStation | _Failed:
        """A space station in any shape; its detail lists its ports (with what is docked there) and
        active expeditions. Its `orbit` is a name."""
        obj = Obj(self, SpaceStation, data, path)
        obj.one("status", self.plain(SpaceStationStatus))
        obj.one("type", self.plain(SpaceStationType))
        obj.by_name("orbit", Orbit, off_ll2_ids=True)
        obj.many("owners", self.agency)
        station = obj.save()
        if station is FAILED:
            return FAILED
        results = [
            self.many(
                self.docking_location,
                data.get("docking_location", []),
                obj.at("docking_location"),
                station=station,
            )
        ]
        for key in ("active_expeditions", "active_expedition"):
            results.append(self.many(self.expedition, data.get(key, []), obj.at(key), station=station))
        return FAILED if FAILED in results else station

    def docking_location(self, data, path, *, station=None) -> DockingLocation | _Failed:
        """A port; in a station's detail, with the docking event docked there now (`docked`)."""
        obj = Obj(self, DockingLocation, data, path)
        obj.one("spacestation", self.station)
        if station is not None and "spacestation" not in obj.fields:
            obj.set("spacestation", station)
        location = obj.save()
        if location is FAILED:
            return FAILED
        docked = data.get("docked")
        if docked is not None:
            event = self.nested(self.docking_event, docked, obj.at("docked"), docking_location=location)
            if event is FAILED:
                return FAILED
        return location

    def expedition(self, data, path, *, station=None) -> Expedition | _Failed:
        obj = Obj(self, Expedition, data, path)
        obj.one("spacestation", self.station)
        if station is not None:
            obj.set("spacestation", station)
        obj.many("crew", self.astronaut_flight)
        obj.many("mission_patches", self.mission_patch)
        return obj.save()

    # -- astronauts ------------------------------------------------------------------------------------

    def astronaut(self, data, path) -> Astronaut | _Failed:
        """An astronaut in any shape. The detail's `flights` (launches) and `landings` (flights) are
        read as such; which crew the astronaut was in comes from the flights' crews, which carry LL2's
        crew assignment ids."""
        obj = Obj(self, Astronaut, data, path)
        obj.one("status", self.plain(AstronautStatus))
        obj.one("type", self.plain(AstronautType))
        obj.one("agency", self.agency)
        astronaut = obj.save()
        if astronaut is FAILED:
            return FAILED
        results = [
            self.many(self.launch, data.get("flights", []), obj.at("flights")),
            self.many(self.flight, data.get("landings", []), obj.at("landings")),
        ]
        return FAILED if FAILED in results else astronaut

    def astronaut_flight(self, data, path) -> AstronautFlight | _Failed:
        obj = Obj(self, AstronautFlight, data, path)
        obj.one("role", self.plain(AstronautRole))
        obj.one("astronaut", self.astronaut)
        return obj.save()

    # -- spacecraft ------------------------------------------------------------------------------------

    def spacecraft_config(self, data, path, *, agency=None) -> SpacecraftConfig | _Failed:
        obj = Obj(self, SpacecraftConfig, data, path)
        obj.one("type", self.plain(SpacecraftConfigType))
        obj.one("agency", self.agency)
        if agency is not None:
            obj.set("agency", agency)
        return obj.save()

    def spacecraft(self, data, path) -> Spacecraft | _Failed:
        """A spacecraft; its detail lists its flights."""
        obj = Obj(self, Spacecraft, data, path)
        obj.one("status", self.plain(SpacecraftStatus))
        obj.one("spacecraft_config", self.spacecraft_config)
        spacecraft = obj.save()
        if spacecraft is FAILED:
            return FAILED
        flights = self.many(self.flight, data.get("flights", []), obj.at("flights"), spacecraft=spacecraft)
        return FAILED if flights is FAILED else spacecraft

    def flight(
        self, data, path, *, spacecraft=None, launch=None, launch_id=None
    ) -> SpacecraftFlight | _Failed:
        """A spacecraft flight in any shape. `spacecraft` and `launch` are given where the flight is
        listed by them; `launch_id` (its JSON value and path), a 2.1.0 docking event's, names the launch
        of a flight that the event's `flight_vehicle` serves without it."""
        obj = Obj(self, SpacecraftFlight, data, path)
        obj.one("spacecraft", self.spacecraft)
        obj.one("launch", self.launch)
        if spacecraft is not None:
            obj.set("spacecraft", spacecraft)
        if launch is not None:
            obj.set("launch", launch)
        obj.one("landing", self.landing)
        for crew in ("launch_crew", "onboard_crew", "landing_crew"):
            obj.many(crew, self.astronaut_flight)
        new = obj.pk is not None and self.store.get(SpacecraftFlight, obj.pk) is None
        if new and "launch" not in obj.fields and launch_id is not None:
            launch = self._launch_by_id(*launch_id, flight=obj.pk)
            if launch is FAILED:
                return FAILED
            obj.set("launch", launch)
        flight = obj.save()
        if flight is FAILED:
            return FAILED
        events = self.many(
            self.docking_event, data.get("docking_events", []), obj.at("docking_events"), flight=flight
        )
        return FAILED if events is FAILED else flight

    def _launch_by_id(self, raw, path, *, flight):
        try:
            pk = field_value(Launch._meta.pk, raw)
        except BadValue as error:
            return self.store.problem(path, str(error))
        launch = self.store.get(Launch, pk)
        if launch is None:
            return self.store.missing(
                path, f"launch {pk} is not stored, and the new spacecraft flight {flight} needs it"
            )
        return launch

    def docking_event(self, data, path, *, flight=None, docking_location=None) -> DockingEvent | _Failed:
        """A docking event in any shape: a flight's (with its `spacestation`), a list's or a detail's
        (with its `flight_vehicle`, and `launch_id`), a port's `docked`. LL2 2.1.0 serves its
        `docking_location` without its station: the port must be stored already, or come with one."""
        obj = Obj(self, DockingEvent, data, path)
        # The station in full (a flight's event has its summary, a detail its own short shape) before
        # the port, which names it in short or not at all.
        station = None
        for key in ("spacestation", "space_station"):
            if isinstance(data.get(key), dict):
                station = self.nested(self.station, data[key], obj.at(key))
                obj.failed |= station is FAILED
        port_station = None if station is FAILED else station
        obj.one("docking_location", self.docking_location, station=port_station)
        launch_id = (data["launch_id"], obj.at("launch_id")) if data.get("launch_id") is not None else None
        obj.one("flight_vehicle", self.flight, field="flight", launch_id=launch_id)
        if flight is not None:
            obj.set("flight", flight)
        if docking_location is not None:
            obj.set("docking_location", docking_location)
        return obj.save()
