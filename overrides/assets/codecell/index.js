// Code cells: an editor with Run / Stop / Reset / Copy, streamed output, pictures and graphs.
// The HTML comes from macros/codecell.py (`<div class="gl-cell" data-cell="{...}">` holding a
// highlighted copy of the code, which is what readers without JavaScript see). Python runs in
// the tab's one worker (../runtime/index.js); CodeMirror and viz.js are loaded on demand.
import "./style.css";
import * as runtime from "../runtime/index.js";
import * as store from "../progress/store.js";
import * as edits from "./edits.js";
import { pageConfig } from "../site.js";

export const name = "codecell";
export const selector = '[data-gl-component="codecell"]';

// Cells of the page on screen, in document order, and the namespace they share. A new page (all
// known cells detached by instant navigation) gets a fresh namespace. `turn` is the page's queue
// of runs: a Run waits for the one before it.
let page = { scope: null, cells: [], count: 0, turn: Promise.resolve() };
let editorModule;
const byElement = new WeakMap(); // cell root -> its state, for codeOf

// The code a cell holds now (the reader's edits included): the one way other components (a
// Debug problem's checks) read a cell.
export function codeOf(el) {
  const cell = byElement.get(el);
  return cell ? code(cell) : JSON.parse(el.dataset.cell).code;
}

// For a component that drives a mounted cell (a control): replace its code, kept like the
// reader's own edit, and run it as Run does; the promise settles when that run is over. Every
// change of a cell's code, the reader's included, is announced by a "gl-cell-code" event on
// its root, whose detail is the new code.
export function setCodeOf(el, text) {
  const cell = byElement.get(el);
  cell.initial = text;
  if (cell.editor) cell.editor.setCode(text); // the editor reports the change itself
  else {
    cell.changed(text);
    cell.open(); // the stand-in shows the old code: the editor, made from `initial`, shows this
  }
}

// The cell's original code back, as its Reset button does (a challenge's Try again uses it).
export function resetCode(el) {
  const cell = byElement.get(el);
  setCodeOf(el, cell.options.code);
  cell.editor?.markLine(null);
  say(cell, "Code restored to the original.");
}

export function runCell(el) {
  return runInOrder(byElement.get(el));
}

runtime.onReset(() => {
  for (const cell of page.cells) cell.ran = false;
});

export function mount(el) {
  if (!page.cells.some((cell) => cell.el.isConnected)) {
    if (page.scope) runtime.drop(page.scope);
    page = { scope: `${location.pathname}#${Date.now()}`, cells: [], count: 0, turn: Promise.resolve() };
  }
  const options = JSON.parse(el.dataset.cell);
  const number = ++page.count;
  const title = el.querySelector(".gl-cell__title")?.textContent;
  const label = title || `Code cell ${number}`;
  const key = `${location.pathname}#${options.id ?? number}`;
  const edited = edits.restore(key, options.code);
  const kept = edits.keeper(key, options.code);
  const changed = (text) => {
    kept.change(text);
    el.dispatchEvent(new CustomEvent("gl-cell-code", { detail: text }));
  };
  const cell = { el, options, label, initial: edited ?? options.code, changed, ran: false, running: false, queued: false, editor: null, prediction: null, gone: false };
  byElement.set(el, cell);
  page.cells.push(cell);
  page.cells.sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));

  el.setAttribute("role", "group");
  el.setAttribute("aria-label", label);
  const block = el.querySelector(".highlight");
  const host = element("div", "gl-cell__editor");
  block.after(host);
  if (options.predict) cell.prediction = predictionField(el, number);

  const bar = element("div", "gl-cell__bar");
  cell.run = button("Run", () => runInOrder(cell));
  cell.stop = button("Stop", () => runtime.stop());
  cell.stop.hidden = true;
  const reset = button("Reset", () => resetCode(el));
  const copy = button("Copy", async () => {
    try {
      await navigator.clipboard.writeText(code(cell));
      say(cell, "Code copied.");
    } catch {
      say(cell, "Copying was blocked by the browser; select the code and copy it instead.");
    }
  });
  cell.status = element("span", "gl-cell__status");
  cell.status.setAttribute("role", "status");
  const note = element("a", "gl-cell__note", "Runs on microtorch");
  note.href = runtime.siteURL("microtorch/").href;
  bar.append(cell.run, cell.stop, reset, copy, cell.status, note);

  cell.output = element("div", "gl-cell__output");
  cell.output.setAttribute("role", "region");
  cell.output.setAttribute("aria-label", `Output of ${label}`);
  cell.output.setAttribute("aria-live", "polite");
  cell.output.tabIndex = 0; // long output scrolls (max-height): keyboard readers must reach it to scroll
  cell.output.hidden = true;
  el.append(bar, cell.output);
  if (edited !== null) say(cell, "Your edited code is back; Reset restores the original.");

  cell.open = () => (cell.opening ??= openEditor(cell, block, host));
  // CodeMirror's chunk (evaluating it cost a phone ~0.7 s of main thread at load) is fetched when
  // a reader's pointer, finger or focus comes near a cell, ahead of the click or Tab that needs it.
  for (const type of ["pointerover", "touchstart", "focusin"]) el.addEventListener(type, loadEditor, { once: true, passive: true });
  standIn(cell, block.querySelector("pre"));
  if (edited !== null) cell.open();
  const stopWatching = startWhenUseful(el);
  return () => {
    cell.gone = true;
    stopWatching();
    kept.stop();
    cell.editor?.view.destroy();
    page.cells = page.cells.filter((other) => other !== cell);
  };
}

// Shared cells run like a notebook read top to bottom: running a cell first runs the cells above
// it that have not run yet, so their variables exist. A Predict cell among them runs silently:
// its output would give away what the reader has not predicted yet. A Run clicked while another
// cell runs waits its turn, and the clicked cell says so. Returns a promise of that turn's end.
function runInOrder(cell) {
  if (cell.queued) {
    say(cell, "Already waiting: this cell runs when the running cell is done.");
    return;
  }
  if (cell.prediction && !cell.prediction.value.trim()) {
    say(cell, "Write your prediction first, then run.");
    cell.prediction.focus();
    return;
  }
  const busy = page.cells.find((other) => other.running || other.queued);
  if (busy) say(cell, precedes(busy, cell) ? "Waiting for the cell above…" : "Waiting for the cell below…");
  cell.queued = true;
  const turn = page.turn.then(() => {
    cell.queued = false;
    if (!cell.gone) return runWithEarlier(cell); // the reader left the page while it waited
  });
  page.turn = turn.catch(() => {});
  return page.turn;
}

async function runWithEarlier(cell) {
  const earlier = cell.options.isolated
    ? []
    : page.cells.filter((other) => other !== cell && !other.options.isolated && !other.ran && other.el.isConnected && precedes(other, cell));
  // The clicked cell is where the reader looks: it tells how the cells above are getting on.
  const above = "Running the cells above first…";
  const relay = (text) => say(cell, text === "Running…" ? above : text);
  if (earlier.length) say(cell, above);
  try {
    for (const other of earlier) {
      if (!(await execute(other, { silent: Boolean(other.prediction), onStatus: relay }))) {
        say(cell, `${other.label} above failed, so this cell did not run.`);
        return;
      }
    }
    await execute(cell);
  } catch (error) {
    failedToLoad(cell, error);
  }
}

function precedes(a, b) {
  return Boolean(a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING);
}

// Runs one cell; resolves to whether it succeeded, rejects when Python cannot be loaded.
// A silent run shows nothing of what the code did and records no prediction.
async function execute(cell, { silent = false, onStatus = (text) => say(cell, text) } = {}) {
  const focusWasOnRun = document.activeElement === cell.run;
  setRunning(cell, true);
  if (focusWasOnRun) cell.stop.focus();
  cell.editor?.markLine(null);
  let stdout = "";
  const shown = silent
    ? {}
    : {
        onStdout: (text) => {
          stdout += text;
          append(cell, "stdout", text);
        },
        onStderr: (text) => append(cell, "stderr", text),
        onNotice: (text) => append(cell, "notice", `\n${text}\n`),
        onImage: (png, kind) => image(cell, png, kind?.picture),
        onGraph: (dot) => graph(cell, dot),
      };
  if (!silent) {
    cell.output.replaceChildren();
    cell.output.hidden = false;
  }
  let result;
  try {
    result = await runtime.run(code(cell), { scope: cell.options.isolated ? undefined : page.scope, setup: cell.options.setup, onStatus, ...shown });
  } finally {
    setRunning(cell, false);
  }
  if (focusWasOnRun && document.activeElement === document.body) cell.run.focus();
  if (silent) {
    cell.ran = result.ok;
    say(cell, result.ok ? "Ran without showing its output, so the cells below could use its variables. Predict it, then run it." : "Ran for the cells below and failed: run it to see the error.");
  } else report(cell, result, stdout);
  return result.ok;
}

function report(cell, result, stdout) {
  if (result.dropped) append(cell, "notice", `\n${result.dropped.toLocaleString("en")} more characters of output were not shown.\n`);
  if (result.error) append(cell, "stderr", result.error);
  if (result.line) cell.open().then((editor) => editor?.markLine(result.line));
  cell.ran = result.ok;
  if (result.cancelled) {
    say(cell, "Stopped before it ran: Python was still loading.");
  } else if (result.reset) {
    say(cell, result.stopped ? "Stopped. Python was restarted, so the variables of this page were reset." : "Python was restarted, so the variables of this page were reset.");
  } else if (result.stopped) {
    say(cell, "Stopped (KeyboardInterrupt). Variables defined so far are kept.");
  } else if (!result.ok) {
    say(cell, result.line ? `Error on line ${result.line}.` : "Error.");
  } else {
    say(cell, `Done in ${Math.max(1, Math.round(result.ms))} ms`);
  }
  if (cell.prediction && !result.stopped) comparePrediction(cell, stdout);
  if (!cell.output.hasChildNodes()) cell.output.hidden = true;
}

function failedToLoad(cell, error) {
  say(cell, "Python could not be loaded.");
  const box = element("div", "gl-cell__failure");
  box.append(element("p", null, `${error.message} Check your connection, then try again.`));
  box.append(
    button("Retry", () => {
      runtime.retry();
      box.remove();
      runInOrder(cell);
    }),
  );
  cell.output.replaceChildren(box);
  cell.output.hidden = false;
}

function append(cell, kind, text) {
  let pre = cell.output.lastElementChild;
  if (pre?.tagName !== "PRE") {
    pre = element("pre", "gl-cell__text");
    cell.output.append(pre);
  }
  const last = pre.lastElementChild;
  // Text nodes only: whatever the code prints is shown literally, never parsed as HTML.
  if (last?.dataset.kind === kind) last.append(text);
  else {
    const span = element("span", `gl-cell__${kind}`, text);
    span.dataset.kind = kind;
    pre.append(span);
  }
}

function image(cell, png, picture = false) {
  const img = element("img", picture ? "gl-cell__figure gl-cell__figure--picture" : "gl-cell__figure");
  img.src = `data:image/png;base64,${png}`;
  img.alt = `Figure ${cell.output.querySelectorAll("img").length + 1} drawn by ${cell.label}`;
  cell.output.append(img);
}

let viz;
async function graph(cell, dot) {
  const figure = element("figure", "gl-cell__graph");
  cell.output.append(figure);
  viz ??= import("@viz-js/viz").then((module) => module.instance());
  const svg = (await viz).renderSVGElement(dot);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Computation graph drawn by ${cell.label}`);
  figure.append(svg);
}

function predictionField(el, number) {
  const id = `gl-prediction-${number}`;
  const wrap = element("div", "gl-cell__predict");
  const label = element("label", null, "Predict first: what will this code print?");
  label.htmlFor = id;
  const field = element("textarea");
  field.id = id;
  field.rows = 2;
  field.spellcheck = false;
  wrap.append(label, field);
  el.querySelector(".gl-cell__editor").after(wrap);
  return field;
}

function comparePrediction(cell, stdout) {
  const tidy = (text) => text.replace(/[ \t]+$/gm, "").trim();
  const matched = tidy(cell.prediction.value) === tidy(stdout);
  say(cell, matched ? "Your prediction matched the output." : "Your prediction differs from the output: compare them.");
  const id = cell.options.id;
  if (id) store.update((state) => (state.predictions[id] = { text: cell.prediction.value, matched }));
}

// Start Python before the first Run so the click is answered quickly; the strategy was chosen
// by measurement (scripts/bench_runtime.py) and can be changed with extra.gradlab.start.
// Returns what stops waiting.
function startWhenUseful(el) {
  const strategy = pageConfig().start ?? "visible";
  const begin = () => runtime.start().catch(() => {}); // a failure is shown when the reader runs
  if (strategy === "idle") (window.requestIdleCallback ?? setTimeout)(begin);
  if (strategy !== "visible") return () => {};
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      begin();
    },
    { rootMargin: "600px 0px" },
  );
  observer.observe(el);
  return () => observer.disconnect();
}

// Until the reader uses a cell, the highlighted code the page came with stands in for its editor,
// under the editor's role and name: making CodeMirror for every cell of a long lesson kept a
// phone's main thread busy for a second at load. Focus (by Tab or a click) swaps the editor in.
function standIn(cell, pre) {
  pre.tabIndex = 0;
  pre.setAttribute("role", "textbox");
  pre.setAttribute("aria-multiline", "true");
  pre.setAttribute("aria-label", `Code of ${cell.label}`);
  pre.addEventListener("pointerdown", (event) => (cell.clickedAt = { x: event.clientX, y: event.clientY }));
  pre.addEventListener("focus", () => cell.open());
  // Keys pressed before the editor has arrived: Shift+Enter (or Ctrl/Cmd+Enter) still runs the
  // cell, Tab moves on, and the others must not reach Material's shortcuts (S opens search). What
  // they type is kept for the editor to type when it comes (openEditor): on a slow phone the
  // reader's first keys come before it.
  cell.typed = [];
  pre.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.shiftKey || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runInOrder(cell);
    } else if (event.key !== "Tab") {
      event.stopPropagation();
      const typed = typedBy(event);
      if (typed === undefined) return;
      event.preventDefault(); // Space would scroll the page
      cell.typed.push(typed);
    }
  });
  pre.addEventListener("paste", (event) => {
    event.preventDefault();
    cell.typed.push(event.clipboardData.getData("text/plain"));
  });
}

// What a key types, as editor.replay takes it: its character ("\n" for Enter), null for
// Backspace, undefined for the rest (arrows, Ctrl/Cmd shortcuts; AltGr types, as on a German
// keyboard's brackets, though it reports Ctrl).
function typedBy(event) {
  if (event.key === "Backspace") return null;
  if (event.key === "Enter") return "\n";
  const shortcut = (event.ctrlKey || event.metaKey) && !event.getModifierState("AltGraph");
  if (/^.$/u.test(event.key) && !shortcut) return event.key;
}

function loadEditor() {
  editorModule ??= import("./editor.js");
  return editorModule;
}

// Resolves to the cell's editor (null if the reader left the page first). Focus on the stand-in
// moves into the editor, a click's caret where the click was, so Tab and Escape work as always.
async function openEditor(cell, block, host) {
  const { createEditor } = await loadEditor();
  if (cell.gone) return null;
  const label = `Code of ${cell.label}`;
  cell.editor = createEditor(host, { code: cell.initial, label, onRun: () => runInOrder(cell), onChange: cell.changed });
  if (document.activeElement === block.querySelector("pre")) cell.editor.focus(cell.clickedAt);
  cell.editor.replay(cell.typed); // at the caret it opened with, a click's if there was one
  block.remove();
  return cell.editor;
}

function setRunning(cell, running) {
  cell.running = running;
  cell.run.hidden = running;
  cell.stop.hidden = !running;
}

function say(cell, text) {
  cell.status.textContent = text;
}

function code(cell) {
  return cell.editor ? cell.editor.getCode() : cell.initial;
}

function button(text, onClick) {
  const el = element("button", "md-button gl-cell__button", text);
  el.type = "button";
  el.addEventListener("click", onClick);
  return el;
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}
