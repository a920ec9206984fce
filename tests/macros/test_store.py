"""The progress store (overrides/assets/progress/store.js), run under Node with an in-memory
localStorage: reading never writes; unreadable data is set aside only by `recover`, which every
write goes through."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.support.site import ROOT

STORE = ROOT / "overrides" / "assets" / "progress" / "store.js"

HARNESS = """
const items = new Map(Object.entries(JSON.parse(process.argv[1])));
const writes = [];
globalThis.localStorage = {
  getItem: (key) => (items.has(key) ? items.get(key) : null),
  setItem: (key, value) => { writes.push(key); items.set(key, String(value)); },
};
globalThis.addEventListener = () => {};
globalThis.navigator ??= {};
const store = await import(process.argv[2]);
const steps = {};
for (const step of JSON.parse(process.argv[3])) {
  if (step === "read") store.read();
  if (step === "recover") store.recover();
  if (step === "update") store.update((state) => (state.cards["d/c"] = { due: new Date(0).toISOString() }));
  steps[step] = [...writes];
}
console.log(JSON.stringify({ steps, items: Object.fromEntries(items), notice: store.takeNotice() }));
"""

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")


def run(stored: dict, steps: list[str]) -> dict:
    result = subprocess.run(
        ["node", "--input-type=module", "-e", HARNESS, json.dumps(stored), STORE.as_uri(), json.dumps(steps)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout)


def test_reading_corrupt_progress_writes_nothing():
    out = run({"gradlab:progress": "{not json"}, ["read", "read"])
    assert out["steps"]["read"] == []
    assert out["items"] == {"gradlab:progress": "{not json"}
    assert out["notice"] is None


def test_recover_sets_corrupt_progress_aside_with_a_notice():
    out = run({"gradlab:progress": "{not json"}, ["recover"])
    assert out["items"]["gradlab:progress:corrupt"] == "{not json"
    assert json.loads(out["items"]["gradlab:progress"])["cards"] == {}
    assert "could not be read" in out["notice"]


def test_a_write_over_corrupt_progress_keeps_the_unreadable_copy():
    out = run({"gradlab:progress": "{not json"}, ["update"])
    assert out["items"]["gradlab:progress:corrupt"] == "{not json"
    assert list(json.loads(out["items"]["gradlab:progress"])["cards"]) == ["d/c"]
