"""Loading and validating widget content: YAML beside the page, or inline between
`{% call widget() %}` and `{% endcall %}`. Every failure names the file, the item and the fault."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, TypeVar

import yaml
from mkdocs_macros.errors import format_error
from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)


class ContentError(Exception):
    """Bad widget content. Its message reads `file: item: what is wrong`."""

    def __init__(self, origin: str, item: str | None, problem: str):
        self.origin, self.item, self.problem = origin, item, problem
        where = f"{origin}: {item}" if item else origin
        super().__init__(f"{where}: {problem}")


@format_error.register
def _report(error: ContentError, markdown: str, page) -> str:
    # An author's mistake is reported as the one line that says what to fix, not a traceback.
    return f"Invalid widget content: {error}"


def load(env, source: str | None, caller: Callable[[], str] | None, kind: str) -> tuple[Any, str]:
    """Return the parsed YAML and a human name for where it came from."""
    page = env.page.file.src_uri  # e.g. lessons/one-step.md
    docs_dir = Path(env.conf["docs_dir"])
    if caller is not None:
        origin = f"docs/{page} (inline {kind})"
        text = caller()
    elif source:
        path = (docs_dir / page).parent / source
        origin = f"docs/{path.relative_to(docs_dir).as_posix()}" if path.is_relative_to(docs_dir) else str(path)
        if not path.is_file():
            raise ContentError(f"docs/{page}", None, f"{kind} file '{source}' not found (looked for {origin})")
        text = path.read_text(encoding="utf-8")
    else:
        raise ContentError(f"docs/{page}", None, f"{kind}() needs a YAML file name or an inline body")
    try:
        return yaml.safe_load(text), origin
    except yaml.YAMLError as error:
        raise ContentError(origin, None, f"invalid YAML: {error}") from None


def validate(model: type[Model], data: Any, origin: str, list_key: str | None = None) -> Model:
    """Validate `data` against `model`, turning pydantic's report into one readable ContentError.

    `list_key` names the list of items (cards, questions, problems...), so an error inside
    item 3 is reported as `question 'my-id'` rather than as a bare index.
    """
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        loc = list(first["loc"])
        item = None
        if list_key and len(loc) >= 2 and loc[0] == list_key and isinstance(loc[1], int):
            index = loc[1]
            entries = data.get(list_key) if isinstance(data, dict) else None
            item_id = entries[index].get("id") if isinstance(entries, list) and isinstance(entries[index], dict) else None
            item = f"{list_key.rstrip('s')} '{item_id}'" if item_id else f"{list_key.rstrip('s')} {index + 1}"
            loc = loc[2:]
        field = ".".join(str(part) for part in loc)
        message = first["msg"].removeprefix("Value error, ")
        raise ContentError(origin, item, f"{field}: {message}" if field else message) from None


def require_unique_ids(items, origin: str, noun: str, widget: str) -> None:
    """Item ids key the learner's saved progress inside a widget, so each may appear once."""
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ContentError(origin, f"{noun} '{item.id}'", f"duplicate {noun} id in this {widget}")
        seen.add(item.id)
