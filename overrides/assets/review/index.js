// The "Review" page: every card due for review, from every lesson, interleaved so that one
// lesson's cards do not come in a block. Cards are rated in place, as in their lessons.
import { read } from "../progress/store.js";
import { allCards, esc, loadCourse, siteRoot } from "../progress/course.js";
import { enhance } from "../flashcards/card.js";
import { isDue } from "../flashcards/schedule.js";
import { mount as renderMath } from "../math/index.js";

export const name = "review";
export const selector = '[data-gl-component="review"]';

export async function mount(el) {
  let course;
  try {
    course = await loadCourse();
  } catch {
    el.innerHTML = "<p>The list of cards could not be loaded; try reloading the page.</p>";
    return;
  }
  const saved = read().cards;
  const cards = allCards(course);
  const due = interleave(cards.filter(({ key }) => saved[key] && isDue(saved[key])), saved);
  const fresh = cards.filter(({ key }) => !saved[key]).length;
  el.innerHTML = `<p class="gl-review__count" role="status"></p>
    <ol class="gl-flashcards__cards"></ol>
    <p>${fresh} card${fresh === 1 ? " has" : "s have"} not been rated yet: meet them in their lessons first.</p>`;
  const items = due.map(card);
  el.querySelector(".gl-flashcards__cards").append(...items);
  const count = el.querySelector(".gl-review__count");
  let left = due.length;
  const tell = () =>
    (count.textContent = left ? `${left} card${left === 1 ? " is" : "s are"} due for review.` : "Nothing is due for review right now. Well done.");
  tell();
  due.forEach(({ key }, i) => enhance(items[i], key, { onRated: (entry) => !isDue(entry) && (left--, tell()) }));
  for (const math of el.querySelectorAll(".arithmatex")) renderMath(math);
}

// Round-robin over lessons, each lesson's cards most overdue first.
function interleave(cards, saved) {
  const byPage = new Map();
  for (const card of [...cards].sort((a, b) => Date.parse(saved[a.key].due) - Date.parse(saved[b.key].due))) {
    if (!byPage.has(card.page.url)) byPage.set(card.page.url, []);
    byPage.get(card.page.url).push(card);
  }
  const queues = [...byPage.values()];
  const order = [];
  while (queues.some((queue) => queue.length)) for (const queue of queues) if (queue.length) order.push(queue.shift());
  return order;
}

// The card as its lesson shows it (the macro's own markup, kept in course.json), with a link
// back to that lesson among its tags.
function card({ page, card }) {
  const template = document.createElement("template");
  template.innerHTML = card.html;
  const li = template.content.firstElementChild;
  const link = document.createElement("li");
  link.innerHTML = `<a href="${siteRoot()}${esc(page.url)}">${esc(page.title ?? page.url)}</a>`;
  li.querySelector(".gl-card__tags").append(link);
  return li;
}
