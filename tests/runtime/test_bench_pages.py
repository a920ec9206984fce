"""scripts/bench_pages.py, without running Lighthouse: by default it measures every page a reader
can reach from the site's navigation and footer, and its table gives each page against the
baseline measured in the same run."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

from scripts import bench_pages
from tests.support.htmltree import parse


def linked_pages(site_dir, site_url: str) -> set[str]:
    """Pages the home page's navigation and footer link to, as paths under the site root."""
    tree = parse((site_dir / "index.html").read_text(encoding="utf-8"))
    links = [a["href"] for a in tree.all("a", cls="md-nav__link") if a.get("href")]
    links += [a["href"] for footer in tree.all("footer") for a in footer.all("a") if a.get("href")]
    pages = set()
    for link in links:
        address = urlparse(urljoin(site_url, link))
        if address.netloc == urlparse(site_url).netloc and not address.path.startswith("/assets/"):
            pages.add(address.path.lstrip("/"))
    return pages


def test_default_page_list_is_every_page_a_reader_can_reach(site_dir, site_port):
    listed = bench_pages.site_pages(site_dir)
    reachable = linked_pages(site_dir, f"http://127.0.0.1:{site_port}/")
    assert {"", "lessons/one-training-step/", "glossary/", "authoring/"} <= reachable  # the reading works
    assert reachable <= set(listed), f"pages the bench would skip: {sorted(reachable - set(listed))}"
    assert all((site_dir / page / "index.html").is_file() for page in listed)
    assert len(listed) == len(set(listed))


def test_table_gives_ratios_against_the_baseline(capsys):
    run = {"perf": 90.0, "CLS": 0.0, "TBT ms": 300.0, "LCP ms": 1000.0}
    base = {"perf": 100.0, "CLS": 0.0, "TBT ms": 100.0, "LCP ms": 500.0}
    no_tbt = {**base, "TBT ms": 0.0}
    rows = {(bench_pages.BASELINE, "mobile"): [base] * 3, ("/", "mobile"): [run, run, base],
            (bench_pages.BASELINE, "desktop"): [no_tbt], ("/", "desktop"): [run]}
    bench_pages.report(rows, 3)
    # Rows are "<page, 45 wide> <preset> perf CLS TBT LCP TBT-x LCP-x".
    table = {(line[:45].strip(), line[46:].split()[0]): line[46:].split()[1:] for line in capsys.readouterr().out.splitlines()[5:]}
    assert table["/", "mobile"] == ["90", "0.000", "300", "1000", "3.00", "2.00"]  # medians against (100, 500)
    assert table[bench_pages.BASELINE, "mobile"][-2:] == ["1.00", "1.00"]
    assert table["/", "desktop"][-2:] == ["-", "2.00"]  # no ratio to a baseline TBT of 0
