// The Python worker: Pyodide, NumPy and microtorch, running code cells off the main thread.
// Started by ./index.js, which is the only thing that talks to it. Messages in:
//   {type: "init", manifest, interruptBuffer?}   (the manifest's URL: everything the worker needs
//     to know, written by scripts/hooks/runtime.py; its docstring shows the fields)
//   {type: "run", id, code, setup, scope}      {type: "drop", scope}
// Messages out: {type: "ready"}, {type: "failed", message}, {type: "out", id, kind, text},
//   {type: "done", id, ok, error, line, stopped, dropped, ms}, {type: "fatal", message}.
let ready;
let runner;
let pyodide;
let current = null; // id of the running cell, so output reaches the right one

self.onmessage = ({ data }) => {
  if (data.type === "init") ready = init(data);
  else if (data.type === "run") ready.then(() => run(data), () => {});
  else if (data.type === "drop") ready.then(() => runner.drop(data.scope), () => {});
};

async function init({ manifest: manifestURL, interruptBuffer }) {
  try {
    const manifest = await fetchOk(manifestURL).then((response) => response.json()).catch((error) => {
      throw new Error(`The Python runtime is missing (${error.message}).`);
    });
    const near = (path) => new URL(path, manifestURL).href; // the manifest's paths are relative to it
    const indexURL = near(manifest.indexURL);
    const script = await fetchOk(new URL("pyodide.js", indexURL).href, { integrity: manifest.integrity["pyodide.js"] });
    importScripts(URL.createObjectURL(await script.blob()));
    // The site's own lock file lists Pyodide's packages and the course's wheel, so the wheel is
    // loaded by name and Pyodide checks its sha256 like any other package's.
    const stdLibURL = manifest.stdLibURL && near(manifest.stdLibURL); // the part a start needs
    pyodide = await self.loadPyodide({ indexURL, stdLibURL, lockFileURL: near(manifest.lockFileURL), stdout: () => {}, stderr: () => {} });
    if (interruptBuffer) pyodide.setInterruptBuffer(new Int32Array(interruptBuffer));
    await pyodide.loadPackage(manifest.packages, { messageCallback: () => {} });
    runner = pyodide.pyimport(manifest.runner);
    const more = manifest.moreStdlib; // the rest of the standard library, fetched on first import
    if (more) runner.install_more_stdlib(near(more.url), more.sha256, more.modules);
    runner.alias_torch();
    runner.set_emit((kind, text) => self.postMessage({ type: "out", id: current, kind, text }));
    self.postMessage({ type: "ready" });
  } catch (error) {
    self.postMessage({ type: "failed", message: String(error?.message ?? error) });
  }
}

async function run({ id, code, setup, scope }) {
  const started = performance.now();
  current = id;
  try {
    // Packages such as matplotlib are fetched from the site the first time a cell imports them.
    await pyodide.loadPackagesFromImports(`${setup}\n${code}`, { messageCallback: () => {} });
    const proxy = runner.run(code, setup, scope ?? null);
    const result = proxy.toJs({ dict_converter: Object.fromEntries });
    proxy.destroy();
    self.postMessage({ type: "done", id, ...result, ms: performance.now() - started });
  } catch (error) {
    if (error?.type === "KeyboardInterrupt") {
      // Stop arrived while packages were loading, before the cell's code started.
      const message = "KeyboardInterrupt (stopped with the Stop button)\n";
      self.postMessage({ type: "done", id, ok: false, error: message, line: null, stopped: true, dropped: 0, ms: performance.now() - started });
      return;
    }
    // Only a broken interpreter gets here (e.g. WebAssembly out of memory): the page restarts us.
    self.postMessage({ type: "fatal", id, message: String(error?.message ?? error) });
  } finally {
    current = null;
  }
}

async function fetchOk(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
  return response;
}
