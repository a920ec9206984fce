"""The benchmarks' server (scripts/serve_compressed.py) sends text and WebAssembly gzip-compressed,
as GitHub Pages does, and everything else as it is, so the bytes a benchmark reports are what a reader receives."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from scripts.serve_compressed import serve_compressed


@pytest.fixture
def site(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>hello</p>" * 100)
    (tmp_path / "app.js").write_text("console.log(1);" * 100)
    (tmp_path / "python.wasm").write_bytes(b"\0asm" * 100)
    (tmp_path / "numpy.whl").write_bytes(b"PK\3\4" * 100)
    url, server = serve_compressed(tmp_path)
    yield url
    server.shutdown()


def get(url, encoding="gzip"):
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.build_opener(NoRedirect).open(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def test_text_is_compressed_when_asked(site):
    status, headers, body = get(site + "app.js")
    assert (status, headers["Content-Encoding"], headers["Content-Type"]) == (200, "gzip", "text/javascript")
    assert gzip.decompress(body) == b"console.log(1);" * 100
    assert int(headers["Content-Length"]) == len(body) < 1500
    status, headers, body = get(site + "page/")
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body).startswith(b"<p>hello</p>")
    status, headers, body = get(site + "python.wasm")
    assert (headers["Content-Encoding"], headers["Content-Type"], gzip.decompress(body)) == ("gzip", "application/wasm", b"\0asm" * 100)


def test_other_files_and_plain_requests_are_sent_as_they_are(site):
    status, headers, body = get(site + "numpy.whl")
    assert (headers["Content-Encoding"], headers["Content-Type"], body) == (None, "application/octet-stream", b"PK\3\4" * 100)
    status, headers, body = get(site + "python.wasm", encoding="identity")
    assert headers["Content-Encoding"] is None and body == b"\0asm" * 100
    status, headers, body = get(site + "app.js", encoding="identity")
    assert headers["Content-Encoding"] is None and body == b"console.log(1);" * 100


def test_a_folder_without_its_slash_is_redirected(site):
    status, headers, _ = get(site + "page")
    assert status == 301 and headers["Location"].endswith("/page/")
