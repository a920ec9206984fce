// The one entry point of Gradlab's front end. Each component lives in its own folder and exports
// `selector` and `mount(el)`; mount must be safe to run again on the same element, because
// Material's instant navigation swaps the page content and emits on `document$` once per page.
import "./base.css";
import * as a11y from "./a11y/index.js";
import * as math from "./math/index.js";
// Widget components: add one import line and one list entry per component.

const components = [a11y, math];

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
