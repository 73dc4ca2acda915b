"""The admin: a page set for every model, the spacecraft flight's crews row by row, launches'
`last_updated`, labels, plurals and times marked UTC, and changelists whose query count does not grow
with their rows."""

import datetime
import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, RelatedFieldWidgetWrapper
from django.core import checks
from django.db import connection
from django.forms import MultiWidget
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from astronauts.models import Astronaut, AstronautFlight, AstronautRole
from launches.models import Launch
from mirror.models import SkippedPage
from spacecraft.models import SpacecraftFlight
from tests.factories import (
    AgencyFactory,
    AstronautFactory,
    AstronautRoleFactory,
    at,
    complete_event,
    complete_flight,
    starship_program,
)

pytestmark = pytest.mark.django_db

CURATED_APPS = ["agencies", "launches", "astronauts", "stations", "spacecraft", "events"]
REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)
CREWS = {"launch crew": "launch_crew", "onboard crew": "onboard_crew", "landing crew": "landing_crew"}


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def label(model):
    return model._meta.label


def form_data(form):
    """The POST data that submits an unbound `form` with the values the page shows."""
    data = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        if isinstance(field.widget, MultiWidget):  # a split date and time
            for index, part in enumerate(field.widget.decompress(value)):
                data[f"{key}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        elif value is True:
            data[key] = "on"
        elif value is not None and value is not False:
            data[key] = str(value)
    return data


def page_data(response):
    """The POST data that saves a change page unchanged: its form and every inline's rows."""
    data = {**form_data(response.context["adminform"].form), "_save": "Save"}
    for inline in response.context["inline_admin_formsets"]:
        data.update(form_data(inline.formset.management_form))
        for form in inline.formset.initial_forms:
            data.update(form_data(form))
    return data


def inline_formsets(response):
    """The inline formsets of a change page, by their title."""
    return {
        str(inline.opts.verbose_name_plural): inline.formset
        for inline in response.context["inline_admin_formsets"]
    }


def assert_saved(response):
    """A save redirects; an invalid form answers 200 with its errors, shown here."""
    if response.status_code == 200:
        errors = [response.context["adminform"].form.errors]
        errors += [inline.formset.errors for inline in response.context["inline_admin_formsets"]]
        pytest.fail(f"the admin refused the form: {errors}")
    assert response.status_code == 302


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries), response


def populated_flight():
    """A complete flight, with the optional relations the factories leave empty set as well, so that
    every changelist column has something to fetch."""
    return complete_flight(
        launch__pad__agency=AgencyFactory(),
        launch__launch_service_provider__parent=AgencyFactory(),
    )


@pytest.fixture
def admin_user(django_user_model):
    """pytest-django's admin, without a password: `admin_client` logs in with `force_login`, and
    hashing a password costs more than most of these tests."""
    return django_user_model.objects.create_superuser("admin", "admin@example.com", password=None)


@pytest.fixture
def flight():
    # And an event, the Starship programme's road closure, notice and live stream: a row for every admin.
    complete_event()
    starship_program()
    return populated_flight()


def test_admin_configuration_passes_the_system_checks():
    assert checks.run_checks(tags=[checks.Tags.admin]) == []


def test_every_model_of_the_curated_apps_has_an_admin():
    models = [model for app in CURATED_APPS for model in apps.get_app_config(app).get_models()]
    assert [label(model) for model in models if not admin.site.is_registered(model)] == []


@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_changelist_search_add_and_change_pages_answer_200(admin_client, flight, model):
    changelist = admin_url(model, "changelist")

    assert admin_client.get(changelist).status_code == 200
    # A search runs every lookup of `search_fields`, which the system checks do not validate.
    assert admin_client.get(changelist, {"q": "a"}).status_code == 200
    # django-axes' records of login attempts are made by logins, never added by hand; the pages
    # `sync_ll2` skipped are its record, read-only.
    if model._meta.app_label != "axes":
        expected = 403 if model is SkippedPage else 200
        assert admin_client.get(admin_url(model, "add")).status_code == expected
    obj = model._default_manager.first()
    if obj is not None:  # auth's groups have none
        assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_flight_change_page_has_the_three_crews_and_the_docking_events_inline(admin_client, flight):
    response = admin_client.get(admin_url(SpacecraftFlight, "change", flight.pk))

    assert response.status_code == 200
    formsets = inline_formsets(response)
    assert list(formsets) == ["launch crew", "onboard crew", "landing crew", "docking events"]
    for title, field in CREWS.items():
        shown = [form.instance.astronautflight for form in formsets[title].initial_forms]
        assert shown == list(getattr(flight, field).all())
    events = [form.instance for form in formsets["docking events"].initial_forms]
    assert events == list(flight.docking_events.all())
    # The crews are edited in their inlines only, not as multiple selects of the flight's form.
    assert not set(CREWS.values()) & set(response.context["adminform"].form.fields)
    for title in ["Launch crew", "Onboard crew", "Landing crew", "Docking events"]:
        assert re.search(rf'class="inline-heading">\s*{title}\s*</h2>', response.text)


def test_crews_are_edited_row_by_row_as_an_astronaut_and_a_role(admin_client, flight):
    url = admin_url(SpacecraftFlight, "change", flight.pk)
    response = admin_client.get(url)
    prefixes = {title: formset.prefix for title, formset in inline_formsets(response).items()}
    leaving = flight.launch_crew.get()
    staying = flight.onboard_crew.get()
    renamed = flight.landing_crew.get()
    newcomer, pilot = AstronautFactory(), AstronautRoleFactory(role="Pilot")
    data = page_data(response)
    data[f"{prefixes['launch crew']}-0-DELETE"] = "on"
    onboard = prefixes["onboard crew"]
    data[f"{onboard}-TOTAL_FORMS"] = "2"
    data[f"{onboard}-1-astronaut"] = str(newcomer.pk)
    data[f"{onboard}-1-role"] = str(pilot.pk)
    data[f"{prefixes['landing crew']}-0-role"] = str(pilot.pk)

    assert_saved(admin_client.post(url, data))

    assert list(flight.launch_crew.all()) == []
    assert AstronautFlight.objects.filter(pk=leaving.pk).exists()  # out of the crew, not deleted
    onboard_crew = list(flight.onboard_crew.order_by("id"))
    assert onboard_crew[0] == staying
    assert (onboard_crew[1].astronaut, onboard_crew[1].role) == (newcomer, pilot)
    # A changed row gets an assignment of its own; the one it named (which other crews may list) stays.
    [landing] = flight.landing_crew.all()
    assert (landing.astronaut, landing.role) == (renamed.astronaut, pilot)
    assert landing.pk != renamed.pk
    assert AstronautFlight.objects.get(pk=renamed.pk).role == renamed.role
    assert flight.docking_events.count() == 1


def test_a_crew_row_is_an_astronaut_and_a_role_each_found_by_name_or_added(admin_client, flight):
    response = admin_client.get(admin_url(SpacecraftFlight, "change", flight.pk))
    form = inline_formsets(response)["launch crew"].forms[0]

    assert list(form.fields)[:2] == ["astronaut", "role"]
    assert "astronautflight" not in form.fields
    for name, model in [("astronaut", Astronaut), ("role", AstronautRole)]:
        widget = form.fields[name].widget
        assert isinstance(widget, RelatedFieldWidgetWrapper)
        assert isinstance(widget.widget, AutocompleteSelect)
        assert widget.can_add_related
        # The "+" beside it opens the add page of an astronaut (or a role) in a popup.
        assert f"{admin_url(model, 'add')}?_to_field=id&amp;_popup=1" in response.text
    member = flight.launch_crew.get()
    assert (form.initial["astronaut"], form.initial["role"]) == (member.astronaut_id, member.role_id)
    headings = re.findall(r"<th[^>]*>\s*([A-Za-z][^<]*?)\s*<", response.text)
    assert {"Astronaut", "Role"} <= set(headings)
    assert not any("astronautflight" in heading.lower() for heading in headings)


def test_the_crew_rows_astronaut_autocomplete_finds_astronauts_by_name(admin_client, flight):
    member = flight.launch_crew.get()
    params = {
        "app_label": "astronauts",
        "model_name": "astronautflight",
        "field_name": "astronaut",
        "term": member.astronaut.name,
    }

    response = admin_client.get(reverse("admin:autocomplete"), params)

    assert response.status_code == 200
    assert {"id": str(member.astronaut.pk), "text": member.astronaut.name} in response.json()["results"]


def test_saving_a_launch_in_the_admin_bumps_last_updated(admin_client, flight):
    launch = flight.launch
    Launch.objects.filter(pk=launch.pk).update(last_updated=at(2020, 1, 1))
    url = admin_url(Launch, "change", launch.pk)
    data = page_data(admin_client.get(url))
    before = timezone.now()

    assert_saved(admin_client.post(url, data))

    saved = Launch.objects.get(pk=launch.pk)
    assert before <= saved.last_updated <= timezone.now()
    # The form went back as the page showed it: nothing else changed.
    unchanged = ["slug", "name", "status_id", "net", "window_start", "rocket_id", "mission_id", "pad_id"]
    assert [getattr(saved, name) for name in unchanged] == [getattr(launch, name) for name in unchanged]
    assert list(saved.program.all()) == list(launch.program.all())


def test_last_updated_is_not_editable_in_the_admin(admin_client, flight):
    response = admin_client.get(admin_url(Launch, "change", flight.launch.pk))

    assert "last_updated" not in response.context["adminform"].form.fields


def test_flight_changelist_runs_as_many_queries_for_five_rows_as_for_one(admin_client):
    url = admin_url(SpacecraftFlight, "changelist")
    populated_flight()
    admin_client.get(url)  # a first request may fill caches (the session, content types)
    one, response = count_queries(admin_client, url)
    assert response.context["cl"].result_count == 1
    for _ in range(4):
        populated_flight()

    five, response = count_queries(admin_client, url)

    assert response.context["cl"].result_count == 5
    assert five == one


@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_no_changelist_runs_a_query_per_row(admin_client, model):
    # Each complete flight brings new rows of every model (but the few shared by name).
    url = admin_url(model, "changelist")
    populated_flight()
    admin_client.get(url)
    one, _ = count_queries(admin_client, url)
    for _ in range(4):
        populated_flight()

    five, _ = count_queries(admin_client, url)

    assert five == one


@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_changelist_joins_every_relation_it_shows(admin_client, flight, model):
    # The changelist skips `list_select_related` for a queryset that already joins something (as a
    # `get_queryset` may): check the joins of the queryset it actually runs.
    cl = admin_client.get(admin_url(model, "changelist")).context["cl"]

    fields = {field.name: field for field in model._meta.get_fields()}
    relations = [name for name in cl.list_display if name in fields and fields[name].is_relation]
    joined = cl.queryset.query.select_related or {}  # True joins every relation
    assert joined is True or [name for name in relations if name not in joined] == []


# Impossible data: the warning on the object's page (`manage.py check_data` lists the same).


def test_the_change_page_of_a_flight_that_lands_before_its_launch_warns(admin_client, flight):
    flight.mission_end = flight.launch.net - datetime.timedelta(days=30 * 365)
    flight.save()

    response = admin_client.get(admin_url(SpacecraftFlight, "change", flight.pk))

    warnings = [str(message) for message in response.context["messages"]]
    assert warnings == [
        "Impossible data: it lands (mission end) before its launch (see manage.py check_data)."
    ]


def test_the_change_page_of_possible_data_has_no_warning(admin_client, flight):
    response = admin_client.get(admin_url(SpacecraftFlight, "change", flight.pk))

    assert list(response.context["messages"]) == []


def test_an_astronaut_who_dies_before_being_born_is_warned_of(admin_client):
    astronaut = AstronautFactory(
        date_of_birth=datetime.date(1930, 8, 5), date_of_death=datetime.date(1912, 8, 25)
    )

    response = admin_client.get(admin_url(Astronaut, "change", astronaut.pk))

    assert [str(message) for message in response.context["messages"]] == [
        "Impossible data: they die before they are born (see manage.py check_data)."
    ]


def english_plural(name):
    """The plural of a model's name by the rules of English its names need."""
    *words, last = name.split(" ")
    if last in {"spacecraft", "data"}:
        plural = last
    elif last.endswith(("s", "sh", "ch", "x", "z")):
        plural = last + "es"
    elif last.endswith("y") and last[-2:-1] not in set("aeiou"):
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return " ".join([*words, plural])


@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_model_names_have_correct_plurals(model):
    assert str(model._meta.verbose_name_plural) == english_plural(str(model._meta.verbose_name))


def test_the_plural_rule_is_english():
    assert [english_plural(name) for name in ["launch", "agency", "launch status", "spacecraft", "day"]] == [
        "launches",
        "agencies",
        "launch statuses",
        "spacecraft",
        "days",
    ]


def test_a_launchs_page_says_net_hold_and_fail_reasons_with_the_window_in_order(admin_client, flight):
    response = admin_client.get(admin_url(Launch, "change", flight.launch.pk))
    html = response.text
    labels = {name: str(field.label) for name, field in response.context["adminform"].form.fields.items()}

    assert labels["net"] == "NET"
    assert labels["net_precision"] == "NET precision"
    assert labels["holdreason"] == "Hold reason"
    assert labels["failreason"] == "Fail reason"
    assert html.index('name="window_start_0"') < html.index('name="window_end_0"')
    assert html.index('name="net_0"') < html.index('name="window_start_0"')


def test_every_time_in_the_admin_is_marked_utc(admin_client, flight):
    response = admin_client.get(admin_url(Launch, "change", flight.launch.pk))
    html = response.text

    assert "All times are UTC" in html
    # net, window start, window end, and each update's creation time (an inline).
    marks = re.findall(r'class="vTimeField"[^>]*>\s*<span class="utc"[^>]*>UTC</span>', html)
    assert len(marks) >= 3
    assert html.count('class="vTimeField"') == len(marks)
    assert "All times are UTC" in admin_client.get(admin_url(Launch, "changelist")).text
