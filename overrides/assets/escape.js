// Course text that is not already HTML (a title, a badge's name), made safe to put into markup.
// A module with no imports, so that the Continue panel's early script (a classic script, see
// continue/early.js) can bundle it.
export function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
