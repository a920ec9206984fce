// The one entry point of Gradlab's front end. Each component lives in its own folder and exports
// `name`, `selector` and `mount(el)`. Widget roots are found by `data-gl-component` (written by
// macros/widget.py). Material's instant navigation swaps the page content and emits on
// `document$` once per page; as in Material's own components, the old page's widgets are torn
// down first: `mount` may return a cleanup (or a promise of one), which runs once its element
// has left the document. Cleanups remove what outlives the element (window listeners, store
// subscriptions, timers, observers, editors); listeners on the element itself go with it.
// Widgets of the lesson mount lazily (see `lazy` below).
import "./base.css";
import "./tracking.js"; // keeps a late anchor write of the last page out of the next one's address
import "./home/style.css";
import "katex/dist/katex.min.css"; // math is drawn at build time (macros/katex.py): its look and fonts
import * as a11y from "./a11y/index.js";
import * as quiz from "./quiz/index.js";
import * as explain from "./explain/index.js";
import * as challenge from "./challenge/index.js";
import * as modes from "./modes/index.js";
import * as flashcards from "./flashcards/index.js";
import * as progress from "./progress/index.js";
import * as review from "./review/index.js";
import * as notice from "./notice/index.js";
import * as codecell from "./codecell/index.js";
import * as resume from "./continue/index.js"; // the Continue panel ("continue" is a keyword)
import * as control from "./control/index.js";
// Widget components: add one import line and one list entry per component (a control after the
// code cells it drives), and put it in `lazy` when it is a widget of the lesson's text.

const components = [a11y, quiz, explain, challenge, modes, flashcards, progress, review, notice, codecell, control, resume];
// Widgets inside the lesson mount as they near the viewport, so the first screen is ready soon,
// and the rest a few at a time after the load (below): mounting every editor and widget at once
// kept a phone's main thread busy for seconds before the reader could use anything. The other
// components set up the page itself (its menu, landmarks, notices) and mount at once.
const lazy = new Set([quiz, explain, challenge, flashcards, codecell, control]);
const NEAR = "100% 0px"; // one screen above and below
const mounted = []; // { el, component, cleanup: Promise<function | undefined> }
let waiting = []; // { el, component } not mounted yet, in document order

function mount(el, component) {
  el.dataset.glMounted = `${el.dataset.glMounted ?? ""} ${component.name}`.trim();
  // One broken widget must not take the rest of the page down with it.
  const cleanup = new Promise((resolve) => resolve(component.mount(el))).catch((error) =>
    console.warn(`gradlab: ${component.name} failed to mount`, error),
  );
  mounted.push({ el, component, cleanup });
}

// Mounts every waiting widget up to `el`, so widgets mount in passes that follow the page (a code
// cell's number, and the cells above it that a Run runs first, depend on it).
function mountUpTo(el) {
  let last = -1; // an element may carry two components: both mount
  waiting.forEach((item, index) => item.el === el && (last = index));
  // A control may stand above the code cell it drives: the pass then reaches that cell too.
  for (let i = 0; i <= last; i++) last = Math.max(last, waiting.indexOf(drivenBy(waiting[i])));
  // Within one pass, in the order of `components` (a control after the cells it drives); the
  // sort is stable, so each component's widgets keep their page order.
  const batch = waiting.splice(0, last + 1).sort((a, b) => components.indexOf(a.component) - components.indexOf(b.component));
  for (const item of batch) {
    near.unobserve(item.el);
    mount(item.el, item.component);
  }
}

// The waiting code cell a control drives (macros/control.py names it by its id), if any.
function drivenBy({ el, component }) {
  if (component !== control) return undefined;
  const { cell } = JSON.parse(el.dataset.control);
  return waiting.find((item) => item.component === codecell && JSON.parse(item.el.dataset.cell).id === cell);
}

const near = new IntersectionObserver(
  (entries) => {
    const seen = entries.filter((entry) => entry.isIntersecting);
    if (seen.length) mountUpTo(seen[seen.length - 1].target);
  },
  { rootMargin: NEAR },
);

// The rest mount once the page has loaded, while the browser is idle, a few at a time: all in one
// pass was one task of 50 ms on this machine, 200 ms on the phone Lighthouse simulates (4x
// slower), so a reader's first tap could wait for it. A slice stops after SLICE ms, whatever
// the idle deadline allows (up to 50 ms), and the next waits for the next idle moment.
const SLICE = 8; // ms
const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 50));
const loaded = new Promise((resolve) => (document.readyState === "complete" ? resolve() : addEventListener("load", resolve, { once: true })));
let idling = false;
function mountRestWhenIdle() {
  if (idling) return;
  idling = true;
  loaded.then(() =>
    idle(function slice() {
      const end = performance.now() + SLICE;
      while (waiting.length && performance.now() < end) mountUpTo(waiting[0].el);
      if (waiting.length) idle(slice);
      else idling = false;
    }),
  );
}

function mountAll(root = document) {
  const found = [];
  for (const component of components) {
    for (const el of root.querySelectorAll(component.selector)) {
      if (el.dataset.glMounted?.split(" ").includes(component.name)) continue;
      if (waiting.some((item) => item.el === el && item.component === component)) continue;
      if (lazy.has(component)) found.push({ el, component });
      else mount(el, component);
    }
  }
  if (!found.length) return;
  waiting = [...waiting, ...found].sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  for (const { el } of found) near.observe(el);
  mountRestWhenIdle();
}

function tearDownDetached() {
  for (const { el } of waiting) if (!el.isConnected) near.unobserve(el);
  waiting = waiting.filter(({ el }) => el.isConnected);
  for (let i = mounted.length - 1; i >= 0; i--) {
    const { el, component, cleanup } = mounted[i];
    if (el.isConnected) continue;
    mounted.splice(i, 1);
    cleanup
      .then((stop) => stop?.())
      .catch((error) => console.warn(`gradlab: ${component.name} failed to clean up`, error));
  }
}

function onPage() {
  tearDownDetached();
  mountAll();
}

if (window.document$) window.document$.subscribe(onPage);
else onPage();
