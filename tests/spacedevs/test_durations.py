"""Durations are ISO 8601 as LL2 writes them (spacedevs/api/durations.py)."""

import datetime

import pytest

from spacedevs.api.durations import format_duration


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (datetime.timedelta(days=15, hours=18, minutes=13, seconds=38), "P15DT18H13M38S"),
        (datetime.timedelta(hours=14, minutes=50), "PT14H50M"),
        (datetime.timedelta(0), "P0D"),
        (datetime.timedelta(days=3), "P3D"),
        (datetime.timedelta(seconds=59, microseconds=999_999), "PT59S"),
        (datetime.timedelta(microseconds=10), "P0D"),
        (datetime.timedelta(days=400, seconds=1), "P400DT1S"),
    ],
)
def test_durations_are_iso_8601_without_padding_or_zero_parts(duration, text):
    assert format_duration(duration) == text
