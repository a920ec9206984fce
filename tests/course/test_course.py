"""The course checks itself: every lesson cell runs under microtorch (as in the browser) and prints
what real PyTorch prints; every Predict Output key is what its code prints; every Debug problem
fails before its fix and passes after; every lesson carries at least the widgets the course
promises; and every answer key agrees with the feedback written for it."""

from __future__ import annotations

import copy
import importlib.util
import re

import pytest

from tests.support.course import (GUIDES, LESSONS, as_printed, cells, course_outputs, home_cells, lesson_outputs, option_text, page,
                                  problems, text, widgets)

HAVE_PYTORCH = importlib.util.find_spec("torch") is not None
LIBRARIES = ["microtorch"] + (["pytorch"] if HAVE_PYTORCH else [])
CATEGORIES = {"Conceptual", "Predict Output", "Model Choice", "Hyperparameter", "Debug"}
needs_pytorch = pytest.mark.skipif(not HAVE_PYTORCH, reason="PyTorch is not installed")
content = pytest.mark.content  # what this course promises (counts, names), not whether it works


def challenge_cases(category: str) -> list:
    return [pytest.param(slug, problem, id=f"{slug}/{problem['id']}")
            for slug in LESSONS for problem in problems(slug) if problem["category"] == category]


# --- every runnable cell ----------------------------------------------------------------------

@content
@pytest.mark.parametrize("slug", LESSONS + GUIDES)
def test_lesson_page_exists(slug):
    assert page(slug).is_file(), f"lesson {slug!r} is missing: {page(slug)}"


@content
@pytest.mark.parametrize("slug", LESSONS + GUIDES)
def test_lesson_has_runnable_cells(slug):
    assert len(cells(slug)) >= 3, f"lesson {slug!r} has fewer than 3 runnable cells"


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("slug", LESSONS + GUIDES)
def test_every_cell_runs(slug, library):
    outputs = lesson_outputs(library)[slug]
    failures = [f"{cell.describe(slug)} raised {out['error']}"
                for cell, out in zip(cells(slug), outputs) if out["error"]]
    assert not failures, f"under {library}:\n" + "\n".join(failures)


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("slug", LESSONS + GUIDES)
def test_cells_print_their_expected_output(slug, library):
    outputs = lesson_outputs(library)[slug]
    failures = [f"{cell.describe(slug)} printed {out['stdout']!r}, expected {cell.expect!r}"
                for cell, out in zip(cells(slug), outputs)
                if cell.expect is not None and not (library == "pytorch" and cell.microtorch_only)
                and out["stdout"].strip() != cell.expect.strip()]
    assert not failures, f"under {library}:\n" + "\n".join(failures)


@needs_pytorch
@pytest.mark.parametrize("slug", LESSONS + GUIDES)
def test_microtorch_prints_what_pytorch_prints(slug):
    mine, theirs = lesson_outputs("microtorch")[slug], lesson_outputs("pytorch")[slug]
    failures = [f"{cell.describe(slug)}:\n  microtorch: {a['stdout'] or a['error']!r}\n  pytorch:    {b['stdout'] or b['error']!r}"
                for cell, a, b in zip(cells(slug), mine, theirs)
                if not cell.microtorch_only and (a["stdout"], a["error"]) != (b["stdout"], b["error"])]
    assert not failures, "\n".join(failures)


@content
@pytest.mark.parametrize("slug", LESSONS[:4])
def test_reader_predicts_gradient_code_before_running_it(slug):
    predicted = [c for c in cells(slug) if c.predict and ".backward(" in c.code]
    assert predicted, f"lesson {slug!r} has no predict-first cell that computes a gradient"


@content
def test_autodiff_lesson_draws_the_readers_graph():
    outputs = lesson_outputs("microtorch")["autodiff"]
    drawn = [cell for cell, out in zip(cells("autodiff"), outputs) if "torch.viz.show(" in cell.code and out["graphs"]]
    assert drawn, "no cell of the autodiff lesson draws a graph with torch.viz.show under microtorch"


@content
def test_course_asks_for_the_gradient_of_x_cubed_plus_2x_at_2():
    outputs = lesson_outputs(LIBRARIES[-1])
    asked = [slug for slug in LESSONS[:4] for cell, out in zip(cells(slug), outputs[slug])
             if cell.predict and "x**3 + 2*x" in cell.code and out["stdout"].strip() == "tensor(14.)"]
    assert asked, "no lesson asks for a prediction of the gradient of x**3 + 2*x at x = 2 (tensor(14.))"


# --- challenge answer keys --------------------------------------------------------------------

@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("slug, problem", challenge_cases("Predict Output"))
def test_predict_output_key_is_what_the_code_prints(slug, problem, library):
    out = course_outputs(library)[f"{slug}/{problem['id']}"][0]
    assert out["error"] is None, f"{slug}/{problem['id']}: the code raised {out['error']}"
    printed = out["stdout"].strip()
    keyed = as_printed(option_text(problem, problem["answer"]))
    assert printed == keyed, f"{slug}/{problem['id']}: prints {printed!r}, but the key {problem['answer']} says {keyed!r}"
    others = [letter for letter in "ABCD"[:len(problem["options"])]
              if letter != problem["answer"] and as_printed(option_text(problem, letter)) == printed]
    assert not others, f"{slug}/{problem['id']}: options {others} also show the printed output"


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("slug, problem", challenge_cases("Debug"))
def test_debug_problem_fails_before_the_fix_and_passes_after(slug, problem, library):
    outputs = course_outputs(library)
    broken, fixed = outputs[f"{slug}/{problem['id']}#broken"], outputs[f"{slug}/{problem['id']}#fixed"]
    assert broken[0]["error"] is None, f"{slug}/{problem['id']}: the broken code should run and be wrong, but raised {broken[0]['error']}"
    assert broken[1]["error"], f"{slug}/{problem['id']}: the tests pass on the broken code"
    assert fixed[0]["error"] is None and fixed[1]["error"] is None, \
        f"{slug}/{problem['id']}: the reference fix fails: {fixed[0]['error'] or fixed[1]['error']}"


def key_disagreements(found: dict[str, list[dict]]) -> list[str]:
    """Where an answer key contradicts the words written for it.

    Quiz feedback opens with "Yes" on a correct option and "No"/"Not" on a wrong one; a challenge
    explanation opens by naming its answer in bold, e.g. "**B.**". A key moved to a wrong option
    therefore disagrees with its text."""
    wrong = []
    for quiz in found["quiz"]:
        for question in quiz["questions"]:
            for number, option in enumerate(question["options"], start=1):
                says_yes = option["feedback"].lstrip().startswith("Yes")
                says_no = re.match(r"\s*(No|Not)\b", option["feedback"]) is not None
                if option["correct"] != says_yes or option["correct"] == says_no:
                    wrong.append(f"{quiz['_file']}: question {question['id']!r} option {number} is "
                                 f"correct={option['correct']} but its feedback reads {option['feedback'][:40]!r}")
    for challenge in found["challenge"]:
        for problem in challenge["problems"]:
            if problem["category"] == "Debug":
                continue
            named = re.match(r"\*\*([A-D])\.\*\*", problem["explanation"].lstrip())
            if not named or named[1] != problem["answer"]:
                wrong.append(f"{challenge['_file']}: problem {problem['id']!r} answer {problem['answer']} "
                             f"but the explanation opens {problem['explanation'][:12]!r}")
    return wrong


@pytest.mark.parametrize("slug", LESSONS + GUIDES)
def test_choice_keys_agree_with_what_the_text_says(slug):
    wrong = key_disagreements(widgets(slug))
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("slug", LESSONS + GUIDES)
def test_choose_all_questions_accept_several_answers(slug):
    """A prompt that says "Choose all" must render checkboxes, even when only one option is right."""
    radios = [question["id"] for quiz in widgets(slug)["quiz"] for question in quiz["questions"]
              if "Choose all" in question["prompt"]
              and not question.get("multiple", sum(o["correct"] for o in question["options"]) > 1)]
    assert not radios, f"{slug}: these say 'Choose all' but take one answer: {radios}"


@pytest.mark.parametrize("slug", LESSONS + GUIDES)
def test_every_wrong_key_is_caught(slug):
    """Move each key, one at a time, to each wrong option: the check above must object."""
    found = widgets(slug)
    missed = []
    for quiz_index, quiz in enumerate(found["quiz"]):
        for q_index, question in enumerate(quiz["questions"]):
            for o_index in range(len(question["options"])):
                mutated = copy.deepcopy(found)
                option = mutated["quiz"][quiz_index]["questions"][q_index]["options"][o_index]
                option["correct"] = not option["correct"]
                if not key_disagreements(mutated):
                    missed.append(f"flipping option {o_index + 1} of question {question['id']!r}")
    for c_index, challenge in enumerate(found["challenge"]):
        for p_index, problem in enumerate(challenge["problems"]):
            for letter in "ABCD"[:len(problem.get("options") or [])]:
                if letter == problem["answer"]:
                    continue
                mutated = copy.deepcopy(found)
                mutated["challenge"][c_index]["problems"][p_index]["answer"] = letter
                if not key_disagreements(mutated):
                    missed.append(f"answer {letter} for problem {problem['id']!r}")
    assert not missed, "wrong keys that no test would catch:\n" + "\n".join(missed)


# --- what every lesson carries ----------------------------------------------------------------

@content
@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_meets_the_course_minimums(slug):
    found = widgets(slug)
    cards = [card for deck in found["flashcards"] for card in deck["cards"]]
    questions = [q for quiz in found["quiz"] for q in quiz["questions"]]
    prompts = [p for explain in found["explain"] for p in explain["prompts"]]
    assert len(cards) >= 6, f"{slug}: {len(cards)} cards, need 6"
    assert len({card["difficulty"] for card in cards}) >= 3, f"{slug}: cards span fewer than 3 difficulty levels"
    assert len(questions) >= 5, f"{slug}: {len(questions)} quiz questions, need 5"
    for q in questions:
        assert all(str(o.get("feedback", "")).strip() for o in q["options"]), f"{slug}: question {q['id']!r} lacks feedback on an option"
        assert any(o["correct"] for o in q["options"]), f"{slug}: question {q['id']!r} has no correct option"
    assert len(prompts) >= 2, f"{slug}: {len(prompts)} Explain prompts, need 2"
    for p in prompts:
        assert 3 <= len(p["concepts"]) <= 5, f"{slug}: Explain prompt {p['id']!r} has {len(p['concepts'])} concepts, need 3-5"
    assert len(found["challenge"]) == 1, f"{slug}: expected one challenge, found {len(found['challenge'])}"
    challenge = found["challenge"][0]
    assert str(challenge.get("badge", "")).strip(), f"{slug}: the challenge has no badge"
    assert len(challenge["problems"]) == 5, f"{slug}: the challenge has {len(challenge['problems'])} problems, need 5"
    assert {p["category"] for p in challenge["problems"]} == CATEGORIES, f"{slug}: the challenge misses a category"
    assert "{{ study_modes() }}" in text(slug), f"{slug}: no study_modes() near the top"


@content
def test_badges_are_distinct_and_lesson_3_names_its_own():
    badges = {slug: widgets(slug)["challenge"][0]["badge"] for slug in LESSONS}
    assert len(set(badges.values())) == len(LESSONS), f"two lessons share a badge: {badges}"
    assert badges["autodiff"] == "Automatic Differentiation Master"


# --- the pages around the lessons -------------------------------------------------------------

@content
def test_home_page_maps_every_lesson_with_its_time():
    home = (page(LESSONS[0]).parents[1] / "index.md").read_text(encoding="utf-8")
    for slug in LESSONS:  # in the lesson map, a table (the page links lesson 1 elsewhere too)
        row = next((line for line in home.splitlines() if line.startswith("|") and f"(lessons/{slug}.md)" in line), None)
        assert row, f"the home page does not link lesson {slug!r}"
        # The time is computed from the lesson (macros/lesson_time.py), never written by hand.
        assert row.endswith(f'| {{{{ lesson_time("lessons/{slug}.md") }}}} |'), f"the home page gives no time for {slug!r}: {row!r}"


@pytest.mark.parametrize("library", LIBRARIES)
def test_home_page_cell_prints_its_expected_output(library):
    cells, outputs = home_cells(), course_outputs(library)["home"]
    assert cells and all(cell.expect for cell in cells), "the home page's cells to try must say what they print"
    for cell, out in zip(cells, outputs):
        assert (out["error"], out["stdout"].strip()) == (None, cell.expect.strip()), f"under {library}, home cell {cell.number}"


@content
def test_every_lesson_offers_all_nine_study_modes(site_dir):
    """The home page promises all nine modes on every lesson; the built pages must deliver them."""
    from macros.modes import MODES, modes_in

    for slug in LESSONS:
        html = (site_dir / "lessons" / slug / "index.html").read_text(encoding="utf-8")
        offered = [mode.key for mode in modes_in(html)]
        assert offered == [mode.key for mode in MODES], f"{slug} offers only {offered}"
