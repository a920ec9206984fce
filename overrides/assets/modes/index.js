// Study modes: the lesson's menu (rendered by macros/modes.py) shows only the widgets of the
// chosen kind; "Read" shows the whole page again. Hiding uses a class of its own, so it never
// fights with what a widget itself hides or shows.
import "./style.css";

export const name = "modes";
export const selector = '[data-gl-component="modes"]';

const HIDDEN = "gl-modes__hidden";

export function mount(nav) {
  const root = nav.closest(".md-content__inner") ?? document.body;
  const status = document.createElement("p");
  status.className = "gl-modes__status";
  status.setAttribute("role", "status");
  nav.append(status);
  for (const radio of nav.querySelectorAll("input[name=gl-study-mode]")) {
    radio.disabled = false;
    radio.addEventListener("change", () => {
      const selector = radio.value === "read" ? "" : `[data-gl-mode="${radio.value}"]`;
      const count = show(root, nav, selector);
      const label = radio.parentElement.textContent.trim();
      status.textContent = selector ? `${label}: ${count} shown, the rest of the lesson is hidden.` : "Showing the whole lesson.";
    });
  }
}

// Hides every part of the lesson that neither is, contains nor lies inside a match (the title
// and this menu always stay); returns the number of matches.
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
  return matches.length;
}
