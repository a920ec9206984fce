// The one entry point of Gradlab's front end. Each component lives in its own folder and exports
// `selector` and `mount(el)`; mount must be safe to run again on the same element, because
// Material's instant navigation swaps the page content and emits on `document$` once per page.
import "./base.css";
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
// Widget components: add one import line and one list entry per component.

const components = [a11y, math, quiz, explain, challenge, modes, flashcards, progress, review, notice, codecell];

function mountAll(root = document) {
  for (const component of components) {
    for (const el of root.querySelectorAll(component.selector)) {
      if (el.dataset.glMounted?.split(" ").includes(component.name)) continue;
      el.dataset.glMounted = `${el.dataset.glMounted ?? ""} ${component.name}`.trim();
      try {
        component.mount(el);
      } catch (error) {
        // One broken widget must not take the rest of the page down with it.
        console.warn(`gradlab: ${component.name} failed to mount`, error);
      }
    }
  }
}

if (window.document$) window.document$.subscribe(() => mountAll());
else mountAll();
