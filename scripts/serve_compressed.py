"""Serve a built site on loopback the way a reader receives it from GitHub Pages: text files
(HTML, CSS, JavaScript, JSON, XML, SVG) and WebAssembly gzip-compressed when the browser asks for
it. Pages compresses by content type, the types the `mime-db` package marks compressible:
application/wasm was added there, marked compressible, so that Pages would serve it (jshttp/mime-db
pull request 97), and a site on Pages has been seen serving its .wasm gzipped
(maxence-charriere/go-app issue 866); Pyodide's 10.1 MB pyodide.asm.wasm crosses the wire as
3.2 MB. Not checked from here (no network but the package registries): check a deployed page's
Content-Encoding. Other files (wheels, the zipped standard library, images, fonts) are sent as they
are: their types are not compressible, and they are compressed already (gzip saves < 2% of each
but pytz's wheel), so the benchmarks that use this (bench_pages.py, bench_runtime.py --throttled)
count no saving Pages may not give.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.site import _Handler  # noqa: E402  (the tests' server: MIME types, quiet log)

COMPRESSED = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".wasm")


class CompressingHandler(_Handler):
    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=None)
def _gzipped(path: Path, mtime: int) -> bytes:
    return gzip.compress(path.read_bytes(), 6)


def serve_compressed(directory: Path, port: int = 0):
    """Like tests.support.site.serve: returns (base_url, server); call server.shutdown()."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(CompressingHandler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
