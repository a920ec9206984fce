// The Python runtime of the tab: ONE Pyodide worker (./worker.js) shared by every code cell and
// every widget that runs Python. This module is evaluated once per tab and Material's instant
// navigation never re-evaluates it, so Python stays loaded while the reader moves between pages.
//
// API (import { run, stop, start, ... } from "../runtime/index.js"):
//
//   run(code, options) -> Promise<Result>
//     Runs `code` after the worker is ready (starting it if needed). Runs are queued, one at a time.
//     options: {
//       scope:    namespace name; runs with the same scope share variables (e.g. one per page).
//                 Omit it for a fresh namespace (isolated cells, grading assertions).
//       setup:    Python run first, in the same namespace (hidden setup, test assertions...).
//       onStdout(text), onStderr(text): output as it is printed (batched, capped per run).
//       onNotice(text): runtime remarks, e.g. "Output capped at ...".
//       onImage(base64Png, {picture}): a matplotlib figure; picture: it shows an image (imshow).
//       onGraph(dot): torch.viz.show(z) Graphviz DOT.
//       onStatus(text): "Loading Python…" while the worker starts, then "Running…".
//     }
//     Result: { ok, error, line, dropped, ms, stopped, reset, cancelled }
//       ok: no exception. error: traceback trimmed to the cell's code. line: the code line it
//       points at (1-based, or null). dropped: characters of output not shown (cap). ms: run time.
//       stopped: Stop ended the run. reset: the worker was restarted, so every namespace was lost.
//       cancelled: Stop came while Python was loading, so none of the code ran.
//     Rejects with RuntimeLoadError when Python cannot be loaded (files missing, offline...);
//     call retry() before running again.
//
//   stop(): ends the running code, or cancels a run still waiting for Python to load. With cross-origin isolation Python raises KeyboardInterrupt
//     and keeps its state; without it the worker is terminated and restarted (reset: true).
//   start(): begin loading Python now (warm-up); returns a promise of readiness.
//   retry(): forget a failed load, so the next run or start() tries again.
//   drop(scope): forget a namespace.   canInterrupt: true when Stop keeps state.
//   siteURL(path): URL of a file of the built site, from any page.
//   onReset(listener): called with a reason whenever the worker restarts and namespaces are lost.
import { pageConfig, siteRoot } from "../site.js";

export class RuntimeLoadError extends Error {}

export const canInterrupt = Boolean(globalThis.crossOriginIsolated && globalThis.SharedArrayBuffer);

const root = siteRoot();
let worker = null;
let ready = null; // Promise resolved when the worker can run code
let loaded = false; // that promise has resolved
let interrupt = null; // Int32Array over a SharedArrayBuffer, when isolated
let queue = Promise.resolve();
let active = null; // { id, options, resolve, started }
let waiting = null; // resolves the run still waiting for Python to load, cancelling it
let nextId = 1;
const resetListeners = new Set();

export function siteURL(path) {
  return new URL(path, root);
}

export function onReset(listener) {
  resetListeners.add(listener);
  return () => resetListeners.delete(listener);
}

export function start() {
  if (!ready) ready = boot();
  return ready;
}

export function retry() {
  worker?.terminate();
  worker = null;
  ready = null;
  loaded = false;
}

export function run(code, options = {}) {
  const job = queue.then(() => execute(code, options));
  queue = job.catch(() => {});
  return job;
}

export function stop() {
  if (waiting) return waiting({ ok: false, error: null, line: null, dropped: 0, ms: 0, stopped: true, reset: false, cancelled: true });
  const running = active;
  if (!running) return;
  if (!interrupt) return terminate(running);
  // SIGINT: Python raises KeyboardInterrupt at its next check. A signal that lands before the
  // reader's code starts can be used up, so keep asking; code that never checks (a long call
  // into C) gets Python restarted after 3 s.
  interrupt[0] = 2;
  const asked = performance.now();
  const again = setInterval(() => {
    if (active !== running) clearInterval(again);
    else if (performance.now() - asked < 3000) interrupt[0] = 2;
    else {
      clearInterval(again);
      terminate(running);
    }
  }, 200);
}

function terminate(running) {
  active = null;
  restart("Stop restarted Python");
  const ms = performance.now() - running.started;
  running.resolve({ ok: false, error: null, line: null, dropped: 0, ms, stopped: true, reset: true });
}

export function drop(scope) {
  if (worker && ready) ready.then(() => worker?.postMessage({ type: "drop", scope }), () => {});
}

async function execute(code, options) {
  if (!loaded) {
    // Loading takes seconds; Stop in that time cancels this run before any of it executes.
    options.onStatus?.("Loading Python…");
    const cancelled = new Promise((resolve) => (waiting = resolve));
    const outcome = await Promise.race([start().then(() => null), cancelled]).finally(() => (waiting = null));
    if (outcome) return outcome;
  }
  options.onStatus?.("Running…");
  const id = nextId++;
  if (interrupt) interrupt[0] = 0;
  return new Promise((resolve) => {
    active = { id, options, resolve, started: performance.now() };
    worker.postMessage({ type: "run", id, code, setup: options.setup ?? "", scope: options.scope ?? null });
  });
}

async function boot() {
  // Everything but creating the worker happens inside it: the main thread is busy while a page
  // loads, and each step that waited for it here would delay Python.
  // Both URLs carry a content hash (scripts/hooks/runtime.py), so a deploy reaches every reader.
  const { worker: workerPath, manifest } = pageConfig();
  worker = new Worker(new URL(workerPath, root));
  interrupt = canInterrupt ? new Int32Array(new SharedArrayBuffer(4)) : null;
  const booted = new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      if (data.type === "ready") resolve();
      else if (data.type === "failed") reject(new RuntimeLoadError(data.message));
      else receive(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new RuntimeLoadError(`Python could not be loaded: ${event.message || "the worker failed"}`));
    };
  });
  worker.postMessage({
    type: "init",
    manifest: new URL(manifest, root).href,
    interruptBuffer: interrupt?.buffer,
  });
  try {
    await booted;
    loaded = true;
  } catch (error) {
    worker.terminate();
    worker = null;
    ready = null;
    throw error;
  }
  // From now on a crash (e.g. WebAssembly out of memory) restarts Python instead of failing.
  worker.onerror = (event) => {
    event.preventDefault();
    crash(event.message || "the Python worker crashed");
  };
}

function receive(data) {
  if (!active || data.id !== active.id) return; // output of a run that Stop already ended
  const { options, resolve } = active;
  if (data.type === "out") {
    const handler = {
      stdout: options.onStdout,
      stderr: options.onStderr,
      notice: options.onNotice,
      image: options.onImage,
      picture: (png) => options.onImage?.(png, { picture: true }),
      graph: options.onGraph,
    }[data.kind];
    handler?.(data.text);
  } else if (data.type === "done") {
    active = null;
    const { ok, error, line, stopped, dropped, ms } = data;
    resolve({ ok, error, line, stopped, dropped, ms, reset: false });
  } else if (data.type === "fatal") {
    crash(data.message);
  }
}

function crash(message) {
  const current = active;
  active = null;
  restart(`Python crashed (${message}) and was restarted`);
  current?.resolve({
    ok: false,
    error: `Python crashed: ${message}\nIt was restarted; variables from earlier cells are gone.\n`,
    line: null,
    dropped: 0,
    ms: performance.now() - current.started,
    stopped: false,
    reset: true,
  });
}

function restart(reason) {
  worker?.terminate();
  worker = null;
  ready = null;
  loaded = false;
  for (const listener of resetListeners) listener(reason);
  start().catch(() => {}); // warm up again; a failure shows on the next run
}
