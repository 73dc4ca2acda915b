"""Tests that drive a real headless Chromium against `make serve`."""
