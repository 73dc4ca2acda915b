"""The admin in Chromium, as a curator uses it: an edit shows in the API at once, a crew member is added
from the flight's page (a new astronaut included), and every list fits a 1280 px screen."""

import json
import urllib.request

import pytest
from django.contrib import admin
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import page_fits, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.browser]

FLIGHT = "/admin/spacecraft/spacecraftflight/567/change/"


def api(served_demo, path):
    with urllib.request.urlopen(f"{served_demo}{path}", timeout=60) as response:
        return json.load(response)


def set_destination(curator, served_demo, value):
    curator.get(f"{served_demo}{FLIGHT}")
    field = wait_for(curator, "#id_destination")
    field.clear()
    field.send_keys(value)
    curator.find_element(By.CSS_SELECTOR, "input[name=_save]").click()
    wait_for(curator, ".messagelist .success")


def test_an_edit_of_flight_567_shows_in_the_api_at_once(curator, served_demo):
    original = api(served_demo, "/2.2.0/spacecraft/flight/567/")["destination"]
    try:
        set_destination(curator, served_demo, "Salyut 6 (edited in a browser)")

        assert api(served_demo, "/2.2.0/spacecraft/flight/567/")["destination"] == (
            "Salyut 6 (edited in a browser)"
        )
    finally:
        set_destination(curator, served_demo, original)
    assert api(served_demo, "/2.2.0/spacecraft/flight/567/")["destination"] == original


def pick_first(driver, container):
    """Choose the first choice the autocomplete (select2) inside `container` offers, and wait until its
    list has closed (an open one covers the fields below it)."""
    container.find_element(By.CSS_SELECTOR, ".select2-selection").click()

    def click_the_first_choice(driver):
        # The list is drawn again when the server's answer comes: a choice seen may be gone.
        choices = driver.find_elements(
            By.CSS_SELECTOR, ".select2-container--open .select2-results__option[role=option]"
        )
        if choices:
            choices[0].click()
        return bool(choices)

    WebDriverWait(driver, 20, ignored_exceptions=[StaleElementReferenceException]).until(
        click_the_first_choice
    )
    WebDriverWait(driver, 20).until(
        lambda driver: not driver.find_elements(By.CSS_SELECTOR, ".select2-container--open")
    )


def add_in_popup(driver, row, field, fill):
    """Click "+" beside `field` of a crew row, fill the add page it opens in a popup, save it."""
    main = driver.current_window_handle
    row.find_element(By.CSS_SELECTOR, f"td.field-{field} a.add-related").click()
    WebDriverWait(driver, 20).until(lambda driver: len(driver.window_handles) == 2)
    driver.switch_to.window(next(handle for handle in driver.window_handles if handle != main))
    fill(driver)
    driver.find_element(By.CSS_SELECTOR, "input[name=_save]").click()
    WebDriverWait(driver, 20).until(lambda driver: len(driver.window_handles) == 1)
    driver.switch_to.window(main)


def new_astronaut(driver):
    wait_for(driver, "#id_name").send_keys("Browser Test Cosmonaut")
    pick_first(driver, driver.find_element(By.CSS_SELECTOR, ".field-status"))
    pick_first(driver, driver.find_element(By.CSS_SELECTOR, ".field-type"))


def new_role(driver):
    # The demo has no crews, so no roles yet either.
    wait_for(driver, "#id_role").send_keys("Browser Test Engineer")


def crew(served_demo):
    return [
        (member["astronaut"]["name"], member["role"]["role"])
        for member in api(served_demo, "/2.2.0/spacecraft/flight/567/")["launch_crew"]
    ]


def test_a_new_astronaut_joins_the_crew_from_the_flights_page(curator, served_demo):
    before = crew(served_demo)
    curator.get(f"{served_demo}{FLIGHT}")
    group = wait_for(curator, "#SpacecraftFlight_launch_crew-group")
    group.find_element(By.CSS_SELECTOR, ".add-row a").click()
    row = group.find_elements(By.CSS_SELECTOR, "tr.dynamic-SpacecraftFlight_launch_crew")[-1]

    add_in_popup(curator, row, "astronaut", new_astronaut)
    add_in_popup(curator, row, "role", new_role)
    curator.find_element(By.CSS_SELECTOR, "input[name=_continue]").click()
    wait_for(curator, ".messagelist .success")

    assert crew(served_demo) == [*before, ("Browser Test Cosmonaut", "Browser Test Engineer")]
    # And out of the crew again, the same way.
    group = wait_for(curator, "#SpacecraftFlight_launch_crew-group")
    group.find_elements(By.CSS_SELECTOR, "td.delete input[type=checkbox]")[-1].click()
    curator.find_element(By.CSS_SELECTOR, "input[name=_save]").click()
    # The changelist this save leads to: the change page still shows the first save's message, so waiting
    # for a message could read the crew before this save is done (it once did, in CI).
    wait_for(curator, "#changelist")
    wait_for(curator, ".messagelist .success")
    assert crew(served_demo) == before


@pytest.mark.parametrize(
    "model",
    sorted(admin.site._registry, key=lambda model: model._meta.label),
    ids=lambda model: model._meta.label,
)
def test_every_list_fits_a_1280_px_screen(curator, served_demo, model):
    curator.get(f"{served_demo}/admin/{model._meta.app_label}/{model._meta.model_name}/")
    wait_for(curator, "#changelist")

    assert curator.execute_script("return window.innerWidth") <= 1280
    assert page_fits(curator)
