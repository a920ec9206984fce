"""Lesson time estimates (macros/lesson_time.py): a lesson of known content gives the formula's
number, the home page computes every lesson's time, and the authors' guide states the formula
the code uses."""

from __future__ import annotations

import re

from macros import lesson_time
from tests.support.site import ROOT

PROSE = " ".join(["word"] * 280)
LESSON = f"""\
---
title: Known counts
---
# A lesson

{PROSE}

{{{{ study_modes() }}}}

```python
shown, not run: a listing is read like prose, so these fourteen words count
```

```python run title="First"
print(1)
```

```python run title="Guess" predict id="guess"
print(2)
--- expect
2
```

<div class="note">Nine words of prose sit inside this HTML block.</div>

{{{{ flashcards("known/cards.yml") }}}}

{{% call quiz() %}}
id: known-quiz
questions:
  - {{id: a, prompt: "A long prompt that is not prose of the lesson", options: [], explanation: x}}
  - {{id: b, prompt: p, options: [], explanation: x}}
  - {{id: c, prompt: p, options: [], explanation: x}}
{{% endcall %}}

{{{{ explain("known/explain.yml") }}}}

{{{{ challenge("known/challenge.yml") }}}}
"""
FILES = {
    "known/cards.yml": "cards: [{id: a}, {id: b}, {id: c}, {id: d}]",
    "known/explain.yml": "prompts: [{id: a}, {id: b}]",
    "known/challenge.yml": "problems: [{id: a, category: Conceptual}, {id: b, category: Hyperparameter}, {id: c, category: Debug}]",
}


def write_lesson(docs):
    (docs / "lessons" / "known").mkdir(parents=True, exist_ok=True)
    (docs / "lessons" / "known.md").write_text(LESSON, encoding="utf-8")
    for name, text in FILES.items():
        (docs / "lessons" / name).write_text(text, encoding="utf-8")
    return docs / "lessons" / "known.md"


def test_a_lesson_of_known_content_is_counted_exactly(tmp_path):
    counts = lesson_time.count(write_lesson(tmp_path))
    assert counts == lesson_time.Counts(
        words=2 + 280 + 14 + 9, cells=2, predicts=1, cards=4, questions=3, prompts=2, problems=2, debugs=1
    )


def test_the_estimate_is_the_stated_formula(tmp_path):
    counts = lesson_time.count(write_lesson(tmp_path))
    # 305 words / 150 + 2 cells x 1.5 + 1 predict x 2 + 4 cards x 0.3 + 3 questions x 1
    # + 2 prompts x 3 + 2 problems x 1.5 + 1 Debug x 5 = 25.2 minutes, to the nearest 5.
    assert counts.minutes() == 25
    assert lesson_time.Counts(words=150 * 42).minutes() == 40  # 42 rounds down
    assert lesson_time.Counts(words=150 * 43).minutes() == 45  # 43 rounds up


def test_the_macro_renders_minutes(macro_env):
    write_lesson(macro_env.conf_docs)
    lesson_time.register(macro_env)
    assert macro_env.macros["lesson_time"]("lessons/known.md") == "25 min"


def test_the_home_page_computes_the_time_of_every_lesson():
    from mkdocs.config import load_config

    from scripts.course_stats import lessons

    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    rows = [line for line in index.splitlines() if re.match(r"\| \d+ \| \[", line)]
    nav = lessons(load_config(str(ROOT / "mkdocs.yml"))["nav"])
    assert len(rows) == len(nav)
    for row, page in zip(rows, nav):
        assert f"]({page})" in row
        assert row.endswith(f'| {{{{ lesson_time("{page}") }}}} |'), row
    assert not re.search(r"\|\s*\d+ min\s*\|", index), "a hand-written time is left in docs/index.md"


def test_the_authors_guide_states_the_formula_in_use():
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    section = guide.split("## How lesson times are estimated", 1)[1]
    assert f"| 1 per {lesson_time.WORDS_PER_MINUTE} words |" in section
    stated = [float(value) for value in re.findall(r"\| ([\d.]+) each \|", section)]
    assert stated == list(lesson_time.COST.values())


def test_course_stats_prints_a_row_per_lesson(capsys):
    from scripts import course_stats

    course_stats.main()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["lesson", *course_stats.COLUMNS, "minutes"]
    assert [line.split()[0] for line in lines[1:-1]] == [
        re.sub(r"^lessons/|\.md$", "", page) for page in course_stats.lessons(course_stats.load_config(str(ROOT / "mkdocs.yml"))["nav"])
    ]

