// What every component may ask about the site: where its root is and the page config
// (main.html's <script id="gradlab-config">, the JSON of mkdocs.yml's extra.gradlab plus what the
// build hooks add). Both are read once per tab: instant navigation keeps this module loaded.

// Found from this module's own address, because the page's address changes with instant
// navigation; the bundle and all its chunks live under assets/gradlab/.
const here = import.meta.url;
const root = here.slice(0, here.lastIndexOf("/assets/gradlab/") + 1);

let config;

// A copy of rendered Markdown for a second place on the page, its ids removed so none repeats.
export function copyRendered(node) {
  const clone = node.cloneNode(true);
  for (const named of [clone, ...clone.querySelectorAll("[id]")]) named.removeAttribute("id");
  return clone;
}

// The site's root URL, with a trailing slash.
export function siteRoot() {
  return root;
}

export function pageConfig() {
  config ??= JSON.parse(document.getElementById("gradlab-config")?.textContent || "{}");
  return config;
}
