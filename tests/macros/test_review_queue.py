"""Which cards a review session holds (overrides/assets/review/queue.js), run under Node: the daily
allowance of new cards counts only today's introductions and only what the learner allows."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.support.site import ROOT

QUEUE = ROOT / "overrides" / "assets" / "review" / "queue.js"

HARNESS = """
const { plan } = await import(process.argv[1]);
const [review, now] = JSON.parse(process.argv[2]);
const page = (url) => ({ url });
const cards = ["one/a", "one/b", "one/c", "two/a", "two/b"].map((key) => ({ key, page: page(key.split("/")[0]) }));
const state = { cards: { "one/a": { due: "2000-01-01T00:00:00Z" } }, review };
const { due, fresh } = plan(cards, state, new Date(now));
console.log(JSON.stringify({ due: due.map((c) => c.key), fresh: fresh.map((c) => c.key) }));
"""

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")
NOON = "2026-12-02T12:00:00"  # local time, as the learner's day is


def session(review: dict, now: str = NOON) -> dict:
    result = subprocess.run(
        ["node", "--input-type=module", "-e", HARNESS, QUEUE.as_uri(), json.dumps([review, now])],
        capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout)


def test_new_cards_are_capped_per_day_and_interleaved_across_lessons():
    assert session({"settings": {"newPerDay": 3}}) == {"due": ["one/a"], "fresh": ["one/b", "two/a", "one/c"]}


def test_only_todays_introductions_use_the_allowance():
    today = {"settings": {"newPerDay": 3}, "today": {"date": "2026-12-02", "introduced": ["x/1", "x/2"]}}
    assert session(today)["fresh"] == ["one/b"]
    assert len(session(today, "2026-12-03T00:01:00")["fresh"]) == 3  # a new day


def test_an_unusable_setting_falls_back_to_the_default_of_five():
    assert len(session({"settings": {"newPerDay": -1}})["fresh"]) == 4  # all there are
    assert session({"settings": {"newPerDay": 0}})["fresh"] == []
