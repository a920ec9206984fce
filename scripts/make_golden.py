"""Run every snippet of tests/microtorch/catalogue under real PyTorch and store what it printed,
raised and warned in tests/microtorch/golden.json, the reference microtorch is tested against
where PyTorch is not installed.

    .venv/bin/python scripts/make_golden.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

from tests.microtorch import snippet_runner  # noqa: E402


def main() -> None:
    golden = {
        "torch": torch.__version__,
        "snippets": {
            snippet.id: {"digest": snippet.digest, **snippet_runner.run(snippet, torch)}
            for snippet in snippet_runner.load_catalogue()
        },
    }
    snippet_runner.GOLDEN.write_text(json.dumps(golden, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {len(golden['snippets'])} snippets to {snippet_runner.GOLDEN}")


if __name__ == "__main__":
    main()
