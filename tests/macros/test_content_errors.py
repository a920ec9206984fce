"""Content errors reach the author as one line naming the file, the item and the fault."""

from __future__ import annotations

from tests.support.project import build_project

BROKEN = """\
# Page

{% call quiz() %}
id: sums
questions:
  - id: first
    prompt: What is 1 + 1?
    options:
      - {text: "2", correct: false, feedback: "Count again."}
      - {text: "3", correct: false, feedback: "One too many."}
    explanation: One and one make two.
{% endcall %}
"""

REUSED = """\
# Page

{{ quiz("q.yml") }}

{{ quiz("q.yml") }}
"""

QUIZ = """\
id: reused
questions:
  - id: only
    prompt: Pick yes.
    options:
      - {text: "yes", correct: true, feedback: "Right."}
      - {text: "no", correct: false, feedback: "No."}
    explanation: Yes was asked for.
"""


def test_failing_build_prints_the_problem_not_a_traceback(tmp_path):
    result, _ = build_project(tmp_path, {"index.md": BROKEN})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Invalid widget content: docs/index.md (inline quiz): question 'first'" in output
    assert "Traceback" not in output


def test_same_widget_included_twice_is_a_duplicate_id(tmp_path):
    result, _ = build_project(tmp_path, {"index.md": REUSED, "q.yml": QUIZ})
    assert result.returncode != 0
    assert "docs/q.yml: id 'reused': duplicate id" in result.stdout + result.stderr
