"""The ``html_datetime`` filter writes times that HTML's ``<time datetime>`` accepts."""

import datetime
import zoneinfo

from django.template import Context, Template
from django.utils import timezone

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def rendered(value) -> str:
    return Template("{% load html_time %}{{ value|html_datetime }}").render(Context({"value": value}))


def test_microseconds_are_cut_to_milliseconds_in_the_current_time_zone():
    moment = datetime.datetime(2026, 11, 25, 9, 30, 5, 123456, tzinfo=datetime.UTC)
    with timezone.override(BERLIN):
        assert rendered(moment) == "2026-11-25T10:30:05.123+01:00"
    with timezone.override(datetime.UTC):
        assert rendered(moment) == "2026-11-25T09:30:05.123+00:00"


def test_whole_seconds_have_no_fraction_and_summer_time_its_offset():
    with timezone.override(BERLIN):
        assert rendered(datetime.datetime(2026, 7, 1, 12, 0, tzinfo=datetime.UTC)) == "2026-07-01T14:00:00+02:00"


def test_snapshot_text_dates_and_nothing():
    with timezone.override(BERLIN):
        assert rendered("2026-11-25T09:30:00.654321+00:00") == "2026-11-25T10:30:00.654+01:00"
    assert rendered(datetime.date(2026, 11, 25)) == "2026-11-25"
    assert rendered(None) == ""
    assert rendered("not a time") == ""
