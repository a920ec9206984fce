"""Controls: a slider and a number input bound to `name = <number>` in a code cell of the page.
Macro call in, HTML out, and every way an author can get it wrong named before the browser sees it."""

from __future__ import annotations

import json
import re

import pytest

from macros import control
from macros.content import ContentError
from tests.support.course import text
from tests.support.htmltree import parse
from tests.support.project import build_project

CELL = '''
```python run title="Train" id="train"
steps = 100
lr = 0.05   # try 0.3
print(lr * steps)
```
'''


@pytest.fixture
def env(macro_env):
    control.register(macro_env)
    macro_env.markdown = CELL
    return macro_env


def lr(env, **options):
    return env.macros["control"]("lr", **{"cell": "train", "min": 0.001, "max": 0.5, "step": 0.001, **options})


def test_a_control_renders_a_labelled_slider_and_number_over_the_cells_default(env):
    root = parse(lr(env, label="Learning rate")).one("div", "gl-control")
    assert root["data-gl-component"] == "control" and root["data-gl-mode"] == "playground"
    label = root.one("label")
    assert label.text == "Learning rate"
    slider, number = root.all("input")
    assert (slider["type"], number["type"]) == ("range", "number")
    assert label["for"] == slider["id"] and number["aria-labelledby"] == label["id"]
    for field in (slider, number):
        assert (field["min"], field["max"], field["step"], field["value"]) == ("0.001", "0.5", "0.001", "0.05")
    assert slider["aria-valuetext"] == "lr = 0.05"
    assert root.one("span", "gl-control__status")["role"] == "status"
    data = json.loads(root["data-control"])
    assert data == {"name": "lr", "cell": "train", "default": 0.05, "pattern": control.assignment("lr"), "integer": False, "decimals": 3}


def test_without_javascript_the_default_is_text_and_the_inputs_are_hidden(env):
    root = parse(lr(env, label="Learning rate")).one("div", "gl-control")
    assert root.one("p", "gl-control__fixed").text == "Learning rate: lr = 0.05 in the code below."
    assert "hidden" in root.one("div", "gl-control__inputs").attrs


def test_the_label_defaults_to_the_name_and_whole_numbers_stay_whole(env):
    root = parse(env.macros["control"]("steps", cell="train", min=10, max=500, step=10)).one("div", "gl-control")
    assert root.one("label").text == "steps"
    assert json.loads(root["data-control"])["integer"] is True


def test_the_pattern_finds_only_a_line_that_assigns_a_plain_number():
    line = re.compile(control.assignment("lr"), re.M)
    assert line.search("x = 1\nlr = 0.05   # note\n")[2] == "0.05"
    assert line.search("lr = 1e-3\n")[2] == "1e-3"
    for code in ("  lr = 0.1\n", "lr = 0.1 * 2\n", "lr_max = 0.1\n", "lr == 0.1\n"):
        assert not line.search(code), code


@pytest.mark.parametrize("options, problem", [
    ({"cell": "elsewhere"}, "cell 'elsewhere': no ```python run id=\"elsewhere\"``` code cell on this page"),
    ({"min": 0.5, "max": 0.1}, "min (0.5) must be smaller than max (0.1)"),
    ({"step": 0}, "step: Input should be greater than 0"),
    ({"min": 0.1}, "cell 'train': 'lr = 0.05' lies outside min 0.1 .. max 0.5"),
    ({"step": 0.02}, "cell 'train': 'lr = 0.05' is not min 0.001 plus a whole number of steps of 0.02"),
    ({"default": 0.1}, "default: the default is the number the cell assigns to lr; change it there"),
    ({"lable": "Typo"}, "lable: Extra inputs are not permitted"),
    ({"cell": "Train"}, "cell: String should match pattern"),
])
def test_a_bad_control_is_a_content_error_naming_page_control_and_fault(env, options, problem):
    with pytest.raises(ContentError, match="^" + re.escape(f"docs/lessons/demo.md (control 'lr'): {problem}")):
        lr(env, **options)


def test_the_cell_must_assign_the_variable_and_not_ask_for_a_prediction(env):
    with pytest.raises(ContentError, match=re.escape("cell 'train': the cell has no line 'momentum = <number>' for the control to set")):
        env.macros["control"]("momentum", cell="train", min=0, max=1, step=0.1)
    with pytest.raises(ContentError, match=re.escape("'steps = 100' is a whole number, so min, max and step must be whole too")):
        env.macros["control"]("steps", cell="train", min=0, max=1000, step=0.5)
    env.markdown = '```python run predict id="train"\nlr = 0.05\n--- expect\n\n```'
    with pytest.raises(ContentError, match="a control cannot drive a predict cell"):
        lr(env)
    with pytest.raises(ContentError, match="is a Python keyword"):
        env.macros["control"]("lambda", cell="train", min=0, max=1, step=0.1)


def test_two_controls_of_one_page_cannot_share_a_name(env):
    lr(env)
    with pytest.raises(ContentError, match="another control on this page already sets 'lr'"):
        lr(env)


def test_a_cell_inside_an_admonition_is_found():
    indented = '??? note "Try it"\n\n    ```python run id="inner"\n    lr = 0.5\n    ```\n'
    assert control.find_cell(indented, "inner").code == "lr = 0.5"


def test_a_bad_control_fails_the_build_naming_the_page(tmp_path):
    page = "# Oops\n\n{{ control('lr', cell='train', min=0.1, max=1, step=0.1) }}\n" + CELL
    result, _ = build_project(tmp_path, {"index.md": page})
    assert result.returncode != 0
    assert "Invalid widget content: docs/index.md (control 'lr'): cell 'train': 'lr = 0.05' lies outside min 0.1 .. max 1" in result.stdout + result.stderr


def test_lesson_5_drives_its_experiment_with_a_learning_rate_control():
    lesson = text("learning-rate-and-optimizers")
    assert re.search(r'\{\{ control\("lr", cell="train-your-own"', lesson)
    cell = control.find_cell(lesson, "train-your-own")
    assert cell.title == "Train with your own settings"
