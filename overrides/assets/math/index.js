// Renders arithmatex's `generic` output with KaTeX. KaTeX (~270 KB) is a separate chunk fetched
// only by pages that have math; its stylesheet and fonts are vendored beside the bundle.
export const name = "math";
export const selector = ".arithmatex";

const stylesheet = new URL("../vendor/katex/katex.min.css", import.meta.url).href;
let katex;
function loadKatex() {
  // Instant navigation gives the head the next page's stylesheets, dropping this one, so every
  // page with math puts it back (without it formulas spill out as unstyled, page-wide text).
  if (![...document.querySelectorAll("link[rel=stylesheet]")].some((link) => link.href === stylesheet)) {
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = stylesheet;
    document.head.append(css);
  }
  katex ??= import("katex").then((module) => module.default);
  return katex;
}

export async function mount(el) {
  const tex = el.textContent.trim();
  const display = tex.startsWith("\\[");
  const body = tex.slice(2, -2); // arithmatex wraps inline math in \( \) and display math in \[ \]
  const { render } = await loadKatex();
  render(body, el, { displayMode: display, throwOnError: false });
}

// A copy of rendered Markdown for a second place on the page (ids removed, so none repeats);
// math that KaTeX has not reached yet is rendered in the copy, which this component never sees.
export function copyRendered(node) {
  const clone = node.cloneNode(true);
  for (const named of [clone, ...clone.querySelectorAll("[id]")]) named.removeAttribute("id");
  for (const math of clone.querySelectorAll(".arithmatex")) {
    if (!math.querySelector(".katex")) mount(math);
  }
  return clone;
}
