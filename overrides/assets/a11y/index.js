// Names for Material's own landmarks that ship without one (axe: aria-dialog-name).
export const name = "a11y";
export const selector = ".md-search[role=dialog]";

export function mount(el) {
  if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", "Search");
}
