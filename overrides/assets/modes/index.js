// Study modes: the lesson's menu (rendered by macros/modes.py) shows only the widgets of the
// chosen kind; "Read" shows the whole page again. Hiding uses a class of its own, so it never
// fights with what a widget itself hides or shows. The choice is kept per lesson in
// progress.modes, so a reload (or coming back) finds the lesson as the reader left it.
import "./style.css";
import * as store from "../progress/store.js";

export const name = "modes";
export const selector = '[data-gl-component="modes"]';

const HIDDEN = "gl-modes__hidden";

export function mount(nav) {
  const root = nav.closest(".md-content__inner") ?? document.body;
  const status = document.createElement("p");
  status.className = "gl-modes__status";
  status.setAttribute("role", "status");
  nav.append(status);
  const lesson = location.pathname;
  const radios = [...nav.querySelectorAll("input[name=gl-study-mode]")];
  const choose = (radio) => {
    const selector = radio.value === "read" ? "" : `[data-gl-mode="${radio.value}"]`;
    const count = show(root, nav, selector);
    const label = radio.parentElement.textContent.trim();
    status.textContent = selector ? `${label}: ${count} shown, the rest of the lesson is hidden.` : "Showing the whole lesson.";
  };
  for (const radio of radios) {
    radio.disabled = false;
    radio.addEventListener("change", () => {
      choose(radio);
      store.update((state) => (state.modes[lesson] = { mode: radio.value }));
    });
  }
  const kept = radios.find((radio) => radio.value === store.read().modes[lesson]?.mode);
  if (kept && kept.value !== "read") {
    kept.checked = true;
    choose(kept);
  }
}

// Hides every part of the lesson that neither is, contains nor lies inside a match (the title
// and this menu always stay); returns the number of matches, companions aside.
function show(root, nav, selector) {
  for (const el of root.querySelectorAll(`.${HIDDEN}`)) el.classList.remove(HIDDEN);
  if (!selector) return 0;
  const matches = [...root.querySelectorAll(selector)];
  const whole = [...matches, nav, root.querySelector("h1")].filter(Boolean);
  const keep = new Set();
  for (const start of whole) {
    for (let el = start; el && el !== root; el = el.parentElement) keep.add(el);
  }
  for (const parent of [root, ...keep]) {
    if (whole.some((el) => el.contains(parent))) continue;
    for (const child of parent.children) if (!keep.has(child)) child.classList.add(HIDDEN);
  }
  return matches.filter((el) => !el.hasAttribute("data-gl-companion")).length;
}
