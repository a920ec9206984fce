// The "My progress" page: per lesson, cards rated and due, quiz and challenge results and badges,
// drawn from the progress store and course.json; plus export, import and reset.
import { isEmpty, empty, read, requestPersistence, subscribe, write } from "./store.js";
import { download, parse } from "./transfer.js";
import { esc, loadCourse, siteRoot } from "./course.js";
import { isDue } from "../flashcards/schedule.js";
import "./style.css";

export const name = "progress";
export const selector = '[data-gl-component="progress"]';

export async function mount(el) {
  el.innerHTML = `
    <div class="gl-progress__report"><p>Loading your progress…</p></div>
    <h2 id="gl-progress-keep">Keep your progress</h2>
    <p>Progress is saved in this browser only. Export it to a file to keep a copy or to move it to another browser.</p>
    <div class="gl-progress__actions">
      <button type="button" class="md-button" data-action="export">Export progress</button>
      <button type="button" class="md-button" data-action="import">Import progress…</button>
      <button type="button" class="md-button" data-action="reset">Reset progress</button>
      <input type="file" accept=".json,application/json" hidden aria-label="Progress file to import">
    </div>
    <p class="gl-progress__message" role="status"></p>
    <p class="gl-progress__storage"></p>`;
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
    return;
  }
  const draw = (state) => (report.innerHTML = render(course, state));
  draw(read());
  return subscribe(draw);
}

function render(course, state, now = Date.now()) {
  const root = siteRoot();
  let rated = 0;
  let due = 0;
  const rows = course.pages.map((page) => {
    const w = page.widgets;
    const cards = (w.flashcards ?? []).flatMap((deck) => deck.cards.map((card) => state.cards[`${deck.id}/${card.id}`]));
    const seen = cards.filter(Boolean);
    const waiting = seen.filter((entry) => isDue(entry, now)).length;
    rated += seen.length;
    due += waiting;
    const quizzes = (w.quiz ?? []).map((quiz) => {
      const results = state.quizzes[quiz.id] ?? {};
      const right = quiz.questions.filter((id) => results[id]?.correct).length;
      return `${esc(quiz.title)}: ${right} of ${quiz.questions.length} correct`;
    });
    const challenges = (w.challenge ?? []).map((challenge) => {
      const results = state.challenges[challenge.id] ?? {};
      const solved = challenge.problems.filter((id) => results[id]?.solved).length;
      const badge = state.badges[challenge.id] ? ` — 🏅 ${esc(challenge.badge)}` : "";
      return `${esc(challenge.title)}: ${solved} of ${challenge.problems.length} solved${badge}`;
    });
    return `<tr><th scope="row"><a href="${root}${esc(page.url)}">${esc(page.title ?? page.url)}</a></th>
      <td>${cards.length ? `${seen.length} of ${cards.length} rated, ${waiting} due` : "—"}</td>
      <td>${quizzes.join("<br>") || "—"}</td>
      <td>${challenges.join("<br>") || "—"}</td></tr>`;
  });
  const total = course.pages.reduce((n, page) => n + (page.widgets.flashcards ?? []).reduce((m, deck) => m + deck.cards.length, 0), 0);
  const badges = Object.values(state.badges).map((badge) => `<li>🏅 ${esc(badge.name)}</li>`);
  return `
    <p class="gl-progress__summary">You have rated ${rated} of ${total} cards; ${due} ${due === 1 ? "is" : "are"} due for review.
      <a href="${root}review/">Go to Review</a></p>
    <div class="md-typeset__table"><table>
      <caption>Progress by lesson</caption>
      <thead><tr><th scope="col">Lesson</th><th scope="col">Cards</th><th scope="col">Quizzes</th><th scope="col">Challenges</th></tr></thead>
      <tbody>${rows.join("")}</tbody>
    </table></div>
    <h2 id="gl-progress-badges">Badges</h2>
    ${badges.length ? `<ul>${badges.join("")}</ul>` : "<p>No badges yet: solve every problem of a challenge to earn its badge.</p>"}`;
}
