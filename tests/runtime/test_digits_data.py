"""The digits file that lesson 11 trains on (gradlab_data/digits.gz, written by
scripts/make_digits.py from scikit-learn's copy of the UCI set): the committed bytes are the ones
its README and the lesson record, and they hold the 1,797 images the lesson describes. Needs no
scikit-learn. That `load_digits()` gives the same tensors under microtorch and PyTorch is checked
by the lesson's claims (tests/course/test_claims_classifying_digits.py)."""

from __future__ import annotations

import gzip
import hashlib

import numpy as np

from tests.support.site import ROOT

DATA = ROOT / "gradlab_data"
SHA256 = "d64ddccfe8e7f02b6067073443e8195f125aef554fb827ee64b600179fafce7f"
PER_DIGIT = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]


def test_the_committed_file_is_the_one_recorded_beside_it_and_in_the_lesson():
    assert hashlib.sha256((DATA / "digits.gz").read_bytes()).hexdigest() == SHA256
    assert SHA256 in (DATA / "README.md").read_text(encoding="utf-8")
    lesson = (ROOT / "docs" / "lessons" / "classifying-digits.md").read_text(encoding="utf-8")
    assert f"`{SHA256[:8]}…{SHA256[-5:]}`" in lesson


def test_it_holds_1797_images_of_8x8_pixels_0_to_16_and_their_labels():
    raw = np.frombuffer(gzip.decompress((DATA / "digits.gz").read_bytes()), dtype=np.uint8)
    assert raw.size == 1797 * 65
    pixels, labels = raw[: 1797 * 64].reshape(1797, 64), raw[1797 * 64:]
    assert pixels.min() == 0 and pixels.max() == 16
    assert np.bincount(labels).tolist() == PER_DIGIT
    assert labels[:10].tolist() == list(range(10))  # the set's order, which the lesson shuffles


def test_the_wheel_carries_the_data_and_a_new_file_makes_a_new_wheel():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"gradlab_data*"' in pyproject and 'gradlab_data = ["*.gz"]' in pyproject
    from scripts.hooks import runtime

    assert DATA / "digits.gz" in runtime.sources()
