"""MkDocs hook: copy the verified Pyodide runtime and the microtorch wheel into the site.
(Being written: see scripts/vendor_pyodide.py.)"""
