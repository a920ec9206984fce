// What the site contains, page by page (assets/gradlab/course.json, written by macros/registry.py).
// Fetched once per tab and shared by the progress and review pages.
import { siteRoot } from "../site.js";

export { siteRoot }; // the progress and review pages import it from here
export { esc } from "../escape.js"; // and this
let course;

export function loadCourse() {
  course ??= fetch(`${siteRoot()}assets/gradlab/course.json`).then((response) => {
    if (!response.ok) throw new Error(`course.json: HTTP ${response.status}`);
    return response.json();
  });
  course.catch(() => (course = undefined)); // let a later page try again

  return course;
}

// Every card of the site: [{ key, page, deck, card }], in page order.
export function allCards({ pages }) {
  return pages.flatMap((page) =>
    (page.widgets.flashcards ?? []).flatMap((deck) => deck.cards.map((card) => ({ key: `${deck.id}/${card.id}`, page, deck, card }))),
  );
}
