"""`manage.py load_demo`: the demo data, into an empty database only, with synthetic upcoming rows."""

import datetime
import uuid

from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.db import transaction
from django.utils import timezone

from events.models import Event, EventType, RoadClosure, RoadClosureStatus
from launches.models import Launch, LaunchStatus, Program, Rocket
from spacecraft.models import SpacecraftFlight

DAY = datetime.timedelta(days=1)
# A name-based UUID namespace for the synthetic launches: the same ids at every load.
SYNTHETIC_NAMESPACE = uuid.UUID("4b1c1f5e-7d0a-4d6e-9a53-5d1e0c0f8a90")
# The real launches whose rocket, provider, pad and programmes the synthetic upcoming ones repeat: the
# demo's upcoming launches of 2023 (Falcon 9 | Crew-7, Antares | CRS NG-20...).
TEMPLATE_NETS_AFTER = datetime.datetime(2023, 1, 1, tzinfo=datetime.UTC)
SYNTHETIC_LAUNCHES = 3


class Command(BaseCommand):
    help = (
        "Load the demo data (fixtures/demo.json) into an empty database, then add the synthetic rows that "
        "must be dated from now: upcoming launches and events (their names say they are synthetic) and a "
        "road closure. A database that already holds flights is left alone, so that `make run` never "
        "overwrites what curators changed; use `loaddata demo` to load the fixture regardless."
    )

    def handle(self, *args, **options):
        if SpacecraftFlight.objects.exists():
            self.stdout.write("The database already holds flights; the demo data was not loaded.")
            return
        with transaction.atomic():
            call_command("loaddata", "demo", verbosity=options["verbosity"])
            created = add_synthetic_upcoming(now=timezone.now())
        if options["verbosity"] > 0:
            self.stdout.write(f"Added {created} synthetic upcoming launches, events and road closures.")


def add_synthetic_upcoming(*, now: datetime.datetime) -> int:
    """Add to the demo what a mirror's home screen shows and a fixture cannot hold, dated from `now`:
    upcoming launches like the demo's real ones of 2023, an upcoming launch and event of the Starship
    programme (`settings.STARSHIP_PROGRAM`), an upcoming ISS event, and a road closure to come. Returns
    how many rows it added."""
    go = LaunchStatus.objects.get(pk=LaunchStatus.GO)
    templates = Launch.objects.filter(net__gte=TEMPLATE_NETS_AFTER).order_by("net", "id")
    launches = []
    for number, template in enumerate(templates[:SYNTHETIC_LAUNCHES], start=1):
        launches.append(
            _launch(
                number=number,
                name=f"Synthetic upcoming launch {number} (demo data, like {template.name})",
                net=now + number * 2 * DAY,
                status=go,
                template=template,
                program=list(template.program.all()),
            )
        )
    starship = Program.objects.filter(name=settings.STARSHIP_PROGRAM).order_by("id").first()
    synthetic_type = EventType.objects.filter(name__startswith="Synthetic").order_by("id").first()
    events = []
    if starship is not None:
        previous = Launch.objects.filter(program=starship).order_by("-net").first()
        launches.append(
            _launch(
                number=SYNTHETIC_LAUNCHES + 1,
                name="Synthetic Starship | Demo Flight 2 (demo data)",
                net=now + 5 * DAY,
                status=go,
                template=previous,
                program=[starship],
            )
        )
        events.append(
            _event(
                name="Synthetic Starship static fire (demo data, upcoming)",
                date=now + 3 * DAY,
                type=synthetic_type,
                program=[starship],
            )
        )
    iss = Program.objects.filter(name="International Space Station").order_by("id").first()
    events.append(
        _event(
            name="Synthetic ISS spacewalk (demo data, upcoming)",
            date=now + 4 * DAY,
            type=synthetic_type,
            program=[iss] if iss else [],
        )
    )
    closures = [
        RoadClosure.objects.create(
            title="Synthetic road closure (demo data)",
            status=RoadClosureStatus.objects.order_by("id").first(),
            window_start=now + 2 * DAY,
            window_end=now + 2 * DAY + datetime.timedelta(hours=12),
        )
    ]
    return len(launches) + len(events) + len(closures)


def _launch(*, number, name, net, status, template, program):
    """A synthetic launch with the rocket configuration, provider, pad and mission of `template`."""
    launch = Launch.objects.create(
        id=uuid.uuid5(SYNTHETIC_NAMESPACE, f"launch-{number}"),
        slug=f"synthetic-upcoming-launch-{number}",
        name=name,
        status=status,
        net=net,
        window_start=net,
        window_end=net + datetime.timedelta(hours=2),
        launch_service_provider=template.launch_service_provider,
        rocket=Rocket.objects.create(configuration=template.rocket.configuration),
        mission=template.mission,
        pad=template.pad,
        image=template.image,
    )
    launch.program.set(program)
    return launch


def _event(*, name, date, type, program):
    event = Event.objects.create(
        name=name,
        slug=name.lower().replace(" (demo data, upcoming)", "").replace(" ", "-") + "-upcoming",
        type=type,
        description="Not LL2 data: added when the demo was loaded, dated from then.",
        date=date,
    )
    event.program.set(program)
    return event
