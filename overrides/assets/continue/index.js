// The home page's "Continue" panel: for a reader with progress, the lesson to go on with (and the
// part of it still to do), the cards due today and the badges earned. A new reader keeps the
// markup the page was written with, which says where to start. Progress comes from the store,
// the lessons and their widgets from the outline the build put on the panel (render.js). The
// panel is first drawn before the page is painted (early.js); this keeps it up to date when
// progress changes (another tab, a reset) and draws it should the early script not have run.
import { read, subscribe } from "../progress/store.js";
import { draw } from "./render.js";
import "./style.css";

export const name = "continue";
export { selector } from "./render.js";

export function mount(el) {
  draw(el, read());
  return subscribe((state) => draw(el, state));
}
