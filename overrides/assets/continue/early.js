// Draws the Continue panel for a returning reader while the page is still being parsed. Their
// panel is taller than the start link the page is written with; drawn by the bundle (a module,
// run after the first paint) once it had fetched course.json, it pushed down the whole page
// below it (a layout shift of 0.12 on a phone). The build inlines this file as a classic script
// right after the panel (macros/continue_panel.py), so it runs before anything below the panel
// exists, let alone is painted. Material's instant navigation runs it again when it brings the
// home page back. The component (index.js) keeps the panel up to date from then on.
import { read } from "../progress/store.js";
import { draw, selector } from "./render.js";

const el = document.querySelector(selector);
if (el) draw(el, read());
