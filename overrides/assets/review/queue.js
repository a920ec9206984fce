// Which cards a review session holds and in which order. Due cards come first in priority (most
// overdue first); a few never-rated cards join them, up to the learner's daily allowance of new
// cards, which progress.review keeps:
//   review: { settings: { newPerDay }, today: { date: "YYYY-MM-DD", introduced: ["<deck>/<card>"...] } }
// Cards first rated in their lesson do not use the allowance: reading a lesson is meeting them.
import { isDue } from "../flashcards/schedule.js";

export const NEW_PER_DAY = 5;
export const MAX_NEW_PER_DAY = 50;

// The learner's calendar day, so "a day" ends at their midnight.
export function day(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newPerDay(state) {
  const chosen = state.review.settings?.newPerDay;
  return Number.isInteger(chosen) && chosen >= 0 && chosen <= MAX_NEW_PER_DAY ? chosen : NEW_PER_DAY;
}

// Keys of the new cards a review session introduced today.
export function introducedToday(state, now = new Date()) {
  const today = state.review.today;
  return today?.date === day(now) && Array.isArray(today.introduced) ? today.introduced : [];
}

// Records that a session introduced `key` today (call inside store.update).
export function introduce(state, key, now = new Date()) {
  const introduced = introducedToday(state, now);
  state.review.today = { date: day(now), introduced: introduced.includes(key) ? introduced : [...introduced, key] };
}

// The session's cards ({ key, page, card } from course.js's allCards, in course order):
// { due, fresh } where `fresh` are the new cards allowed today, and `order` both mixed.
export function plan(cards, state, now = new Date()) {
  const saved = state.cards;
  const overdue = cards.filter(({ key }) => saved[key] && isDue(saved[key], now.getTime()));
  overdue.sort((a, b) => Date.parse(saved[a.key].due) - Date.parse(saved[b.key].due));
  const room = Math.max(0, newPerDay(state) - introducedToday(state, now).length);
  const due = interleave(overdue);
  const fresh = interleave(cards.filter(({ key }) => !saved[key])).slice(0, room);
  return { due, fresh, order: alternate(due, fresh) };
}

// Round-robin over lessons, keeping each lesson's own order, so one lesson's cards do not come in
// a block.
function interleave(cards) {
  const byPage = new Map();
  for (const card of cards) {
    if (!byPage.has(card.page.url)) byPage.set(card.page.url, []);
    byPage.get(card.page.url).push(card);
  }
  const queues = [...byPage.values()];
  const order = [];
  while (queues.some((queue) => queue.length)) for (const queue of queues) if (queue.length) order.push(queue.shift());
  return order;
}

// One from each list in turn, then what is left of the longer one.
function alternate(first, second) {
  const order = [];
  for (let i = 0; i < Math.max(first.length, second.length); i++) order.push(...first.slice(i, i + 1), ...second.slice(i, i + 1));
  return order;
}

// A card rated Again comes back within the session, after AGAIN_GAP other cards (sooner when
// fewer are left): far enough that the answer is not still on screen, near enough to relearn it.
export const AGAIN_GAP = 3;
export function again(queue, card) {
  queue.splice(Math.min(AGAIN_GAP, queue.length), 0, card);
}
