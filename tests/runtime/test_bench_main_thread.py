"""scripts/bench_main_thread.py, without a browser: it sums the page's main thread, not another."""

from __future__ import annotations

from scripts.bench_main_thread import main_thread_sums


def test_sums_come_from_the_busiest_renderer_main_thread():
    name = lambda pid, tid, what: {"name": "thread_name", "ph": "M", "pid": pid, "tid": tid, "args": {"name": what}}  # noqa: E731
    span = lambda pid, tid, what, dur: {"name": what, "ph": "X", "pid": pid, "tid": tid, "dur": dur * 1000, "args": {}}  # noqa: E731
    events = [
        name(1, 1, "CrRendererMain"), name(2, 1, "CrRendererMain"), name(2, 2, "Compositor"),
        span(1, 1, "RunTask", 10),  # an idle renderer (another frame or tab)
        span(2, 1, "RunTask", 80), span(2, 1, "UpdateLayoutTree", 30), span(2, 1, "Layout", 20),
        span(2, 1, "RunTask", 40), span(2, 1, "UpdateLayoutTree", 5),
        span(2, 2, "RunTask", 500),  # not a main thread
    ]
    assert main_thread_sums(events) == {"busy": 120, "style": 35, "layout": 20, "over 50": 30}
