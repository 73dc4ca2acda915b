"""A headless Chromium (Debian's `chromium` and `chromium-driver`, driven by Selenium) and the service it
browses: `make serve` on a fresh SQLite file with the demo, as tests/test_serve.py runs it.

Without the browser the tests are skipped, saying why (`make test` says so too); `.ci/run` installs it.
"""

import shutil
import tempfile
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.servers import CURATOR, serving

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# A fresh profile, and nothing that reaches beyond this machine.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
SCREEN = (1280, 900)


@pytest.fixture(scope="session")
def served_demo(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("browsed")) as base:
        yield base


def chromium(**options):
    """A new headless Chromium session, with `options` (`mobile_emulation`)."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("no Chromium: apt-get install chromium chromium-driver (.ci/run does)")
    chrome_options = webdriver.ChromeOptions()
    chrome_options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        chrome_options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    chrome_options.add_argument(f"--user-data-dir={profile}")
    chrome_options.add_argument(f"--window-size={SCREEN[0]},{SCREEN[1]}")
    # No speculative connections: each would hold one of gunicorn's sync workers, idle, until it times out.
    chrome_options.add_experimental_option("prefs", {"net.network_prediction_options": 2})
    if "mobile_emulation" in options:
        chrome_options.add_experimental_option("mobileEmulation", options["mobile_emulation"])
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=chrome_options)
    driver.set_page_load_timeout(60)
    driver.profile_dir = profile
    return driver


def quit_browser(driver):
    driver.quit()
    shutil.rmtree(driver.profile_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def desktop():
    driver = chromium()
    yield driver
    quit_browser(driver)


@pytest.fixture
def browser(desktop):
    """A desktop browser, its window 1280 px wide; after each test, back to that one window (a test
    that failed in a popup leaves the next one its main window)."""
    main = desktop.window_handles[0]
    yield desktop
    for handle in desktop.window_handles:
        if handle != main:
            desktop.switch_to.window(handle)
            desktop.close()
    desktop.switch_to.window(main)


@pytest.fixture
def phone():
    """A phone: 375 px wide, as Chromium's device emulation lays pages out for it."""
    driver = chromium(mobile_emulation={"deviceMetrics": {"width": 375, "height": 740, "pixelRatio": 2.0}})
    yield driver
    quit_browser(driver)


def wait_for(driver, css, *, timeout=30):
    """The first element matching `css` once it is visible."""
    return WebDriverWait(driver, timeout).until(
        expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, css))
    )


@pytest.fixture
def curator(browser, served_demo):
    """The desktop browser, logged in to the admin as the curator."""
    browser.get(f"{served_demo}/admin/")
    if browser.find_elements(By.ID, "id_username"):
        wait_for(browser, "#id_username").send_keys(CURATOR[0])
        browser.find_element(By.ID, "id_password").send_keys(CURATOR[1])
        browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
    WebDriverWait(browser, 30).until(lambda driver: driver.current_url == f"{served_demo}/admin/")
    wait_for(browser, "#site-name")
    return browser


def page_fits(driver):
    """Whether the page needs no sideways scrolling: nothing is wider than the window, and no box that
    scrolls on its own (an admin list's table) is wider than itself."""
    return driver.execute_script(
        """
        const boxes = [...document.querySelectorAll("#changelist .results, pre")];
        return document.documentElement.scrollWidth <= window.innerWidth
            && boxes.every(box => box.scrollWidth <= box.clientWidth);
        """
    )
