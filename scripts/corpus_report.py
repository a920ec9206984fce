"""How much of the learner corpus (tests/microtorch/corpus) microtorch gets right: every program
runs under real PyTorch and under microtorch, and each lands in one class.

    .venv/bin/python scripts/corpus_report.py [--list] [--json PATH]

Classes: `same` (identical stdout, error and warnings); `refused` (microtorch raises its
teaching-subset NotImplementedError, an honest refusal); otherwise one of the differs classes:
`silent` (the same error or none, but printed text or warnings differ), `wrong-error` (both
raise, differently), `microtorch-errors` (only microtorch raises), `torch-errors` (only PyTorch
raises: microtorch accepts a learner mistake). Pass = same + refused. A report, so it exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

import microtorch  # noqa: E402
from tests.microtorch import snippet_runner  # noqa: E402

REFUSAL = "NotImplementedError: microtorch implements a teaching subset of PyTorch; "
CLASSES = ["same", "refused", "silent", "wrong-error", "microtorch-errors", "torch-errors"]


def classify(expected: dict, actual: dict) -> str:
    if actual == expected:
        return "same"
    if (actual["error"] or "").startswith(REFUSAL):
        return "refused"
    if actual["error"] == expected["error"]:
        return "silent"
    if actual["error"] and expected["error"]:
        return "wrong-error"
    return "microtorch-errors" if actual["error"] else "torch-errors"


def one_line_diff(expected: dict, actual: dict) -> str:
    """The first differing part of the outcome, PyTorch's then microtorch's, each cut short
    (a refusal to the feature it names)."""
    cut = lambda value: repr(value).replace(REFUSAL, "refused: ")[:110]  # noqa: E731
    for key in ("error", "stdout", "warnings"):
        if expected[key] != actual[key]:
            return f"{key}: torch {cut(expected[key])} | microtorch {cut(actual[key])}"
    return ""


def table(classes: dict[str, str]) -> str:
    total = len(classes)
    count = {name: list(classes.values()).count(name) for name in CLASSES}
    rate = lambda n: f"{100 * n / total:.1f}%"  # noqa: E731
    rows = [f"| {name} | {count[name]} | {rate(count[name])} |" for name in CLASSES]
    passed = count["same"] + count["refused"]
    return "\n".join([
        f"Corpus: {total} programs, PyTorch {torch.__version__}.",
        "",
        "| class | programs | share |",
        "|---|---:|---:|",
        *rows,
        f"| **pass (same + refused)** | **{passed}** | **{rate(passed)}** |",
        f"| **same alone** | **{count['same']}** | **{rate(count['same'])}** |",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="the ids in each class, with a one-line diff")
    parser.add_argument("--json", type=Path, metavar="PATH", help="save {id: class} to PATH")
    args = parser.parse_args()

    classes, diffs = {}, {}
    for snippet in snippet_runner.load_catalogue(snippet_runner.CORPUS):
        expected = snippet_runner.run(snippet, torch)
        actual = snippet_runner.run(snippet, microtorch)
        classes[snippet.id] = classify(expected, actual)
        diffs[snippet.id] = one_line_diff(expected, actual)

    print(table(classes))
    if args.list:
        for name in CLASSES[1:]:
            ids = [i for i, c in classes.items() if c == name]
            print(f"\n## {name} ({len(ids)})\n")
            print("\n".join(f"- `{i}`: {diffs[i]}" for i in ids))
    if args.json:
        args.json.write_text(json.dumps(classes, indent=1) + "\n")


if __name__ == "__main__":
    main()
