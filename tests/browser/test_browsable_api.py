"""The browsable API in Chromium: styled, its Filters window names every field, its links lead on, and
it fits a phone."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import page_fits, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_the_flight_list_is_styled_and_names_the_service(browser, served_demo):
    browser.get(f"{served_demo}/2.2.0/spacecraft/flight/?format=api")
    brand = wait_for(browser, ".navbar-brand")

    assert brand.text == "spacedevs: Launch Library 2 API"
    # Bootstrap's styles applied: the dark navbar and a container narrower than the window.
    navbar = browser.find_element(By.CSS_SELECTOR, ".navbar")
    assert navbar.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert browser.find_element(By.CSS_SELECTOR, ".container").size["width"] < 1280
    assert page_fits(browser)


def test_the_filters_window_opens_with_every_field_named(browser, served_demo):
    browser.get(f"{served_demo}/2.2.0/launch/?format=api")
    browser.find_element(By.CSS_SELECTOR, "button[data-target='#filtersModal']").click()
    modal = wait_for(browser, "#filtersModal .modal-body")

    labels = [label.text for label in modal.find_elements(By.TAG_NAME, "label")]
    assert "Mode:" in labels
    assert "NET on or after:" in labels
    assert "[invalid name]" not in modal.text
    assert all(label.strip(":") for label in labels)


def test_following_a_link_opens_the_object_it_names(browser, served_demo):
    browser.get(f"{served_demo}/2.2.0/spacecraft/flight/567/?format=api")
    # The flight's spacecraft, in the JSON of the response.
    link = wait_for(
        browser, ".response-info a[href*='/2.2.0/spacecraft/'][href$='?format=api']:not([href*='flight'])"
    )
    target = link.get_attribute("href")

    link.click()

    WebDriverWait(browser, 20).until(lambda driver: driver.current_url == target)
    assert "Spacecraft Instance" in wait_for(browser, ".page-header h1").text


def test_a_detail_fits_a_phone(phone, served_demo):
    phone.get(f"{served_demo}/2.2.0/spacecraft/flight/567/?format=api")
    wait_for(phone, ".response-info")

    assert phone.execute_script("return window.innerWidth") == 375
    assert page_fits(phone)
