// The Continue panel's markup, shared by its early script (early.js) and its component (index.js).
// It imports nothing that needs a module (import.meta): the early script is a classic script.
// The panel carries what it reads of the course in `data-course` (macros/continue_panel.py):
// { root, pages: course.json's pages, in course order, with only the ids and titles read here }.
import { esc } from "../escape.js";
import { isDue } from "../flashcards/schedule.js"; // its scheduler is a dynamic import, left out

export const selector = '[data-gl-component="continue"]';
const NAMED = 3; // badges named in the panel; My progress lists them all

// Shows the panel for `state` in `el`: the reader's progress, or else the start markup the page
// was written with (kept the first time, to go back to after a reset). It redraws only when what
// it shows changes: a redraw would take the reader's focus out of the panel, and undo Material's
// edits of its links. What it shows is kept on the element (the early script and the component
// are two bundles).
export function draw(el, state) {
  el.dataset.start ??= el.innerHTML;
  const course = JSON.parse(el.dataset.course);
  const html = render(course, state, new URL(course.root, location.href).href) || el.dataset.start;
  if (html !== (el.dataset.shown ?? el.dataset.start)) el.innerHTML = el.dataset.shown = html;
}

// The panel's HTML, or "" when the reader has no progress in any lesson.
function render(course, state, root, now = new Date()) {
  const lessons = course.pages.map((page) => ({ page, ...lessonProgress(page, state, root) }));
  const cards = Object.values(state.cards);
  const badges = Object.values(state.badges);
  if (!lessons.some((lesson) => lesson.started) && !cards.length && !badges.length) return "";

  const endOfDay = new Date(now).setHours(24, 0, 0, 0);
  const dueToday = cards.filter((entry) => isDue(entry, endOfDay)).length;
  const dueNow = cards.filter((entry) => isDue(entry, now.getTime())).length;
  const later = dueToday - dueNow;
  return `
    <h2 class="gl-continue__title" id="gl-continue-title">Continue where you left off</h2>
    ${next(lessons, root)}
    <ul class="gl-continue__facts">
      <li>${dueToday ? `<strong>${dueToday}</strong> card${dueToday === 1 ? "" : "s"} due today${later ? ` (${later} of them later today)` : ""}:
        <a href="${root}review/">review them</a>` : "No cards due today."}</li>
      <li>${badges.length ? earned(badges, root) : "No badges yet: solve all of a lesson's challenge to earn one."}</li>
    </ul>`;
}

// The latest badges by name (the store keeps them in the order earned), the others counted: with
// every badge named, a reader far into the course had a panel taller than a phone's screen.
function earned(badges, root) {
  const named = badges.slice(-NAMED).map((badge) => `<li>${esc(badge.name)}</li>`).join("");
  if (badges.length <= NAMED) return `Badges earned: <ul class="gl-continue__badges">${named}</ul>`;
  return `${badges.length} badges earned (<a href="${root}progress/">see all</a>), the latest:
    <ul class="gl-continue__badges">${named}</ul>`;
}

// The first lesson started but not finished, else the first not started; in a started lesson,
// the first of its exercises still to do.
function next(lessons, root) {
  const current = lessons.find((lesson) => lesson.started && lesson.todo.length) ?? lessons.find((lesson) => !lesson.started);
  if (!current) {
    return `<p class="gl-continue__next">You have worked through every lesson. Keep what you learned fresh on
      <a href="${root}review/">Review</a>.</p>`;
  }
  const { page, started, todo } = current;
  const title = esc(page.title ?? page.url);
  if (!started) {
    return `<p class="gl-continue__next"><a class="md-button md-button--primary" href="${root}${esc(page.url)}">Next: ${title}</a></p>`;
  }
  const [part] = todo;
  return `<p class="gl-continue__next"><a class="md-button md-button--primary" href="${root}${esc(page.url)}#${esc(page.anchors?.[part.id] ?? "")}">Continue: ${title}</a></p>
    <p>Still to do there: ${todo.map((item) => esc(item.title)).join(", ")}.</p>`;
}

// Whether the reader has done anything on the lesson's page (chose a study mode, edited a cell,
// answered anything), and which of its exercises are not finished yet, in the order every lesson
// places them (cards, quiz, explain, challenge). A challenge is finished once its badge is earned
// (every problem solved).
function lessonProgress(page, state, root) {
  const w = page.widgets;
  const parts = [
    ...(w.flashcards ?? []).map((deck) => ({ ...deck, done: deck.cards.map((card) => state.cards[`${deck.id}/${card.id}`]) })),
    ...(w.quiz ?? []).map((quiz) => ({ ...quiz, done: quiz.questions.map((id) => state.quizzes[quiz.id]?.[id]) })),
    ...(w.explain ?? []).map((explain) => ({ ...explain, done: explain.prompts.map((id) => state.explain[`${explain.id}/${id}`]) })),
    ...(w.challenge ?? []).map((challenge) => ({
      ...challenge,
      done: state.badges[challenge.id] ? [true] : challenge.problems.map((id) => state.challenges[challenge.id]?.[id]?.solved),
    })),
  ];
  const path = new URL(page.url, root).pathname;
  const visited = state.modes[path] || Object.keys(state.code).some((key) => key.startsWith(`${path}#`));
  return {
    started: Boolean(visited) || parts.some((part) => part.done.some(Boolean)),
    todo: parts.filter((part) => !part.done.every(Boolean)),
  };
}
