"""Tests of the events app: events, their lookups, the Starship dashboard."""
