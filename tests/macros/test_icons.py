"""Material's icons as inline SVG (macros/icons.py): decorative unless labelled."""

import pytest

from macros.icons import icon


def test_a_decorative_icon_is_hidden_from_assistive_technology():
    svg = icon("material/check")
    assert svg.startswith('<svg class="gl-icon" aria-hidden="true" focusable="false" ')
    assert "<path" in svg and svg.endswith("</svg>")


def test_a_labelled_icon_is_an_image_with_that_name():
    svg = icon("material/check", label='Right "answer"')
    assert svg.startswith('<svg class="gl-icon" role="img" aria-label="Right &quot;answer&quot;" ')
    assert "aria-hidden" not in svg


def test_an_unknown_icon_names_the_folder_it_looked_in():
    with pytest.raises(ValueError, match=r"no icon 'material/no-such-icon' in mkdocs-material's \.icons"):
        icon("material/no-such-icon")
