"""Swagger UI and ReDoc in Chromium load our schema, with scripts served by us."""

import json
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import wait_for

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_swagger_ui_loads_our_schema(browser, served_demo):
    documented = len(api_paths(served_demo))
    browser.get(f"{served_demo}/2.2.0/swagger/")
    wait_for(browser, ".opblock", timeout=60)
    WebDriverWait(browser, 30).until(
        lambda driver: len(driver.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")) == documented
    )

    operations = [element.text for element in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")]
    assert "/2.2.0/spacecraft/flight/{id}/" in operations
    assert "/2.2.0/launch/upcoming/" in operations
    assert "spacedevs: Launch Library 2 API" in browser.find_element(By.CSS_SELECTOR, ".info .title").text


def api_paths(served_demo):
    with urllib.request.urlopen(f"{served_demo}/2.2.0/schema/?format=json", timeout=10) as response:
        return json.load(response)["paths"]


def test_redoc_loads_our_schema(browser, served_demo):
    browser.get(f"{served_demo}/2.2.0/redoc/")

    # ReDoc lists each operation with its path once loaded.
    WebDriverWait(browser, 60).until(lambda driver: "/2.2.0/spacecraft/flight/{id}/" in driver.page_source)
    assert "spacedevs: Launch Library 2 API" in browser.find_element(By.CSS_SELECTOR, "h1").text
