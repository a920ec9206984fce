// The one entry point of Gradlab's front end. Each component lives in its own folder and exports
// `name`, `selector` and `mount(el)`. Widget roots are found by `data-gl-component` (written by
// macros/widget.py). Material's instant navigation swaps the page content and emits on
// `document$` once per page; as in Material's own components, the old page's widgets are torn
// down first: `mount` may return a cleanup (or a promise of one), which runs once its element
// has left the document. Cleanups remove what outlives the element (window listeners, store
// subscriptions, timers, observers, editors); listeners on the element itself go with it.
import "./base.css";
import "./home/style.css";
import * as a11y from "./a11y/index.js";
import * as math from "./math/index.js";
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
// code cells it drives).

const components = [a11y, math, quiz, explain, challenge, modes, flashcards, progress, review, notice, codecell, control, resume];
const mounted = []; // { el, component, cleanup: Promise<function | undefined> }

function mountAll(root = document) {
  for (const component of components) {
    for (const el of root.querySelectorAll(component.selector)) {
      if (el.dataset.glMounted?.split(" ").includes(component.name)) continue;
      el.dataset.glMounted = `${el.dataset.glMounted ?? ""} ${component.name}`.trim();
      // One broken widget must not take the rest of the page down with it.
      const cleanup = new Promise((resolve) => resolve(component.mount(el))).catch((error) =>
        console.warn(`gradlab: ${component.name} failed to mount`, error),
      );
      mounted.push({ el, component, cleanup });
    }
  }
}

function tearDownDetached() {
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
