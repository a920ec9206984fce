"""Every npm package the front end imports is declared in package.json at the version the lock
installs, so `npm ci` on a fresh machine brings it in instead of leaving it to chance (a package
that only arrives as another's dependency can vanish when that one is updated)."""

from __future__ import annotations

import json
import re

from tests.support.site import ROOT

# `import ... from "x"`, `export ... from "x"` and `import("x")`; relative paths are our own files.
SPECIFIER = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"'./][^"']*)["']""")


def package_of(specifier: str) -> str:
    parts = specifier.split("/")
    return "/".join(parts[:2]) if specifier.startswith("@") else parts[0]


def imported_packages() -> dict[str, str]:
    """Each imported package, with one file that imports it (for the message)."""
    found = {}
    for path in sorted((ROOT / "overrides" / "assets").rglob("*.js")):
        for specifier in SPECIFIER.findall(path.read_text(encoding="utf-8")):
            found.setdefault(package_of(specifier), path.relative_to(ROOT).as_posix())
    return found


def test_the_front_end_imports_packages():
    assert {"katex", "@codemirror/view"} <= set(imported_packages())


def test_every_imported_package_is_declared_and_locked():
    declared = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    missing = [f"{name} (imported by {where})" for name, where in imported_packages().items() if name not in declared]
    assert not missing, "imported but not in package.json: " + ", ".join(missing)
    assert lock[""]["dependencies"] == declared, "package-lock.json is out of step with package.json: run npm install"
    stale = [name for name, version in declared.items() if lock[f"node_modules/{name}"]["version"] != version]
    assert not stale, f"package.json pins versions the lock does not install: {stale}"
