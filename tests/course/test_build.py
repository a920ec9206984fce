"""The site builds with --strict and ships what pages need, with nothing fetched from other hosts."""

from __future__ import annotations

import re


def test_strict_build_produces_pages_and_bundle(site_dir):
    assert (site_dir / "index.html").is_file()
    assert len(list((site_dir / "assets" / "gradlab").glob("gradlab-*.js"))) == 1  # named by its hash
    assert (site_dir / "assets" / "vendor" / "katex" / "katex.min.css").is_file()
    assert any((site_dir / "assets" / "vendor" / "katex" / "fonts").glob("*.woff2"))


def test_no_page_references_another_host_for_assets(site_dir):
    # Scripts, images and stylesheet/icon/preload links load things; <a href> and
    # rel="canonical" only name an address.
    loads = re.compile(
        r'(?:<script[^>]+src|<img[^>]+src|<link[^>]+rel="(?:stylesheet|icon|preload|modulepreload|manifest)"[^>]+href)="(https?:)?//',
        re.I,
    )
    offenders = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if loads.search(p.read_text("utf-8"))]
    assert not offenders, f"pages loading assets from other hosts: {offenders}"


def test_no_google_fonts(site_dir):
    html = (site_dir / "index.html").read_text("utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_site_description_for_search_engines(site_dir):
    html = (site_dir / "index.html").read_text("utf-8")
    assert re.search(r'<meta name="description" content="Learn how PyTorch trains a model', html)
