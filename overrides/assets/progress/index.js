// The "My progress" page: per lesson in course order, cards learned and due, the quiz's first-try
// score, the challenge's best and its badge, drawn from the progress store and course.json; plus
// export, import and reset.
import { isEmpty, empty, quizScores, read, requestPersistence, subscribe, write } from "./store.js";
import { download, parse } from "./transfer.js";
import { esc, loadCourse, siteRoot } from "./course.js";
import { isDue } from "../flashcards/schedule.js";
import "./style.css";

export const name = "progress";
export const selector = '[data-gl-component="progress"]';

// The page's markup comes from the build (macros/progress.py), drawn for empty progress and
// hidden until the reader's own numbers replace it, so nothing moves as they arrive.
export async function mount(el) {
  const report = el.querySelector(".gl-progress__report");
  const message = el.querySelector(".gl-progress__message");
  const file = el.querySelector("input[type=file]");
  const say = (text) => (message.textContent = text);

  el.querySelector("[data-action=export]").addEventListener("click", () => {
    download(read());
    say("Progress exported to a file in your downloads.");
  });
  el.querySelector("[data-action=import]").addEventListener("click", () => file.click());
  file.addEventListener("change", async () => {
    const chosen = file.files[0];
    file.value = "";
    if (!chosen) return;
    let state;
    try {
      state = parse(await chosen.text());
    } catch (error) {
      say(`Nothing was imported from ${chosen.name}: ${error.message}. Your progress is unchanged.`);
      return;
    }
    if (!isEmpty(read()) && !confirm(`Replace your current progress with the progress in ${chosen.name}?`)) {
      say("Import cancelled. Your progress is unchanged.");
      return;
    }
    write(state);
    say(`Progress imported from ${chosen.name}.`);
  });
  el.querySelector("[data-action=reset]").addEventListener("click", () => {
    if (!confirm("Reset all your progress? Ratings, results and badges will be deleted. Export first to keep a copy.")) return;
    write(empty());
    say("Your progress was reset.");
  });
  requestPersistence().then((kept) => {
    el.querySelector(".gl-progress__storage").textContent = kept
      ? "This browser keeps your progress until you clear this site's data."
      : "This browser may clear saved progress when it runs low on space; an exported file is the safe copy.";
  });

  let course;
  try {
    course = await loadCourse();
  } catch {
    report.innerHTML = "<p>The list of lessons could not be loaded. Your progress is safe; try reloading the page.</p>";
    delete report.dataset.glEmpty;
    return;
  }
  const draw = (state) => {
    report.innerHTML = render(course, state);
    delete report.dataset.glEmpty;
  };
  draw(read());
  return subscribe(draw);
}

// One entry per lesson, in course order, each a short list of facts rather than a table row, so
// the page fits a phone's width without scrolling sideways.
function render(course, state, now = Date.now()) {
  const root = siteRoot();
  const lessons = course.pages.map((page) => ({ page, ...lessonFacts(page, state, now) }));
  const sum = (field) => lessons.reduce((n, lesson) => n + lesson.cards[field], 0);
  const challenges = course.pages.flatMap((page) => page.widgets.challenge ?? []);
  const earned = challenges.filter((challenge) => state.badges[challenge.id]).length;
  const due = sum("due");
  const items = lessons.map(({ page, cards, quiz, challenge, badges }) => {
    const facts = [
      cards.total && ["Cards", `${cards.learned} of ${cards.total} learned, ${cards.due} due`],
      quiz.total && ["Quiz, first try", quiz.tried ? `${quiz.firstTry} of ${quiz.total} (${quiz.eventually} right so far)` : "not tried yet"],
      challenge.total && ["Challenge best", `${challenge.solved} of ${challenge.total} solved`],
      ...badges.map(({ name, earned }) => ["Badge", `${esc(name)}: ${earned ? "earned" : "not yet"}`]),
    ].filter(Boolean);
    return `<li class="gl-progress__lesson">
      <h3><a href="${root}${esc(page.url)}">${esc(page.title ?? page.url)}</a></h3>
      ${facts.length ? `<dl class="gl-progress__facts">${facts.map(([term, text]) => `<div><dt>${term}</dt><dd>${text}</dd></div>`).join("")}</dl>` : ""}
    </li>`;
  });
  return `
    <p class="gl-progress__summary">You have rated ${sum("rated")} of ${sum("total")} cards and learned ${sum("learned")};
      ${due} ${due === 1 ? "is" : "are"} due for review.${challenges.length ? ` Badges earned: ${earned} of ${challenges.length}.` : ""}
      <a href="${root}review/">Go to Review</a></p>
    <h2 id="gl-progress-lessons">Lesson by lesson</h2>
    <p>A card counts as learned once the scheduler has moved it past its first short steps, to a
      review a day or more away; a card you forget later stops counting until you relearn it.</p>
    <ol class="gl-progress__lessons">${items.join("")}</ol>`;
}

const LEARNED = 2; // ts-fsrs State.Review: past the learning steps

// What one lesson's widgets hold in `state`: card counts, quiz and challenge scores, badges.
function lessonFacts(page, state, now) {
  const entries = (page.widgets.flashcards ?? []).flatMap((deck) => deck.cards.map((card) => state.cards[`${deck.id}/${card.id}`]));
  const seen = entries.filter(Boolean);
  const cards = {
    total: entries.length,
    rated: seen.length,
    learned: seen.filter((entry) => entry.fsrs?.state === LEARNED).length,
    due: seen.filter((entry) => isDue(entry, now)).length,
  };
  const challenges = page.widgets.challenge ?? [];
  const challenge = {
    solved: challenges.reduce((n, c) => n + challengeBest(c, state), 0),
    total: challenges.reduce((n, c) => n + c.problems.length, 0),
  };
  const badges = challenges.map((c) => ({ name: c.badge, earned: Boolean(state.badges[c.id]) }));
  return { cards, quiz: quizScores(page.widgets.quiz ?? [], state), challenge, badges };
}

// How many of a challenge's problems the learner has solved.
function challengeBest(challenge, state) {
  const results = state.challenges[challenge.id] ?? {};
  const current = challenge.problems.filter((id) => results[id]?.solved).length;
  return Math.max(state.bests[challenge.id]?.solved ?? 0, current); // Try again keeps the best
}
