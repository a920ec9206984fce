// Accessible names for landmarks Material creates without one. Material adds its code-block
// toolbars from its own scripts at its own time, so a single observer fixes them whenever they
// appear, including after instant navigation (the body, and so the observer, survives it).
export const name = "a11y";
export const selector = "body";

function fix(root) {
  const search = root.querySelector?.(".md-search[role=dialog]:not([aria-label])");
  if (search) search.setAttribute("aria-label", "Search");
  // One unnamed <nav> per code block fails axe's landmark-unique rule; a copy button is not
  // site navigation, so the wrapper is taken out of the landmark list.
  for (const nav of root.querySelectorAll?.(".md-code__nav:not([role])") ?? []) nav.setAttribute("role", "none");
}

export function mount(body) {
  fix(body);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) fix(node.parentNode ?? node);
  }).observe(body, { childList: true, subtree: true });
}
