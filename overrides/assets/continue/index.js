// The home page's "Continue" panel: for a reader with progress, the lesson to go on with (and the
// part of it still to do), the cards due today and the badges earned. A new reader keeps the
// markup the page was written with, which says where to start. Progress comes from the store,
// the lessons and their widgets from the course index (course.json, in course order).
import { read, subscribe } from "../progress/store.js";
import { esc, loadCourse, siteRoot } from "../progress/course.js";
import { isDue } from "../flashcards/schedule.js";
import "./style.css";

export const name = "continue";
export const selector = '[data-gl-component="continue"]';

export async function mount(el) {
  const start = el.innerHTML;
  let course;
  try {
    course = await loadCourse();
  } catch {
    return; // the start link still works
  }
  let shown = start;
  const draw = (state) => {
    const html = render(course, state) || start;
    if (html !== shown) el.innerHTML = shown = html;
  };
  draw(read());
  return subscribe(draw);
}

// The panel's HTML, or "" when the reader has no progress in any lesson.
function render(course, state, now = new Date()) {
  const lessons = course.pages.map((page) => ({ page, ...lessonProgress(page, state) }));
  const cards = Object.values(state.cards);
  const badges = Object.values(state.badges);
  if (!lessons.some((lesson) => lesson.started) && !cards.length && !badges.length) return "";

  const root = siteRoot();
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
      <li>${badges.length ? `Badges earned: <ul class="gl-continue__badges">${badges.map((badge) => `<li>${esc(badge.name)}</li>`).join("")}</ul>` : "No badges yet: solve all of a lesson's challenge to earn one."}</li>
    </ul>`;
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
function lessonProgress(page, state) {
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
  const path = new URL(page.url, siteRoot()).pathname;
  const visited = state.modes[path] || Object.keys(state.code).some((key) => key.startsWith(`${path}#`));
  return {
    started: Boolean(visited) || parts.some((part) => part.done.some(Boolean)),
    todo: parts.filter((part) => !part.done.every(Boolean)),
  };
}
