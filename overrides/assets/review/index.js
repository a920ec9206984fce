// The "Review" page: a session of flip cards, one at a time, question first. It holds the cards
// due from every lesson and a few new ones (queue.js decides which, in which order); a card rated
// Again comes back before the session ends, and the end sums up the session.
import { read, subscribe, update } from "../progress/store.js";
import { allCards, esc, loadCourse, siteRoot } from "../progress/course.js";
import { enhance } from "../flashcards/index.js";
import { GRADES, until } from "../flashcards/schedule.js";
import { MAX_NEW_PER_DAY, again, introduce, introducedToday, newPerDay, plan } from "./queue.js";
import "./style.css";

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
  const cards = allCards(course);
  el.innerHTML = `<p class="gl-review__status" role="status"></p>
    <div class="gl-review__stage"></div>
    <p class="gl-review__settings">
      <label>New cards a day <input type="number" min="0" max="${MAX_NEW_PER_DAY}" step="1" required></label>
      <span>Never-rated cards join your sessions up to this number each day. Cards you first rate
        in a lesson do not count towards it.</span>
    </p>`;
  const status = el.querySelector(".gl-review__status");
  const stage = el.querySelector(".gl-review__stage");
  const input = el.querySelector("input");
  input.value = newPerDay(read());
  let session;

  function start(focus) {
    const { fresh, order } = plan(cards, read());
    session = { queue: order, fresh: new Set(fresh.map(({ key }) => key)), reviewed: new Set(), ratings: [] };
    if (order.length) show(focus);
    else idle(focus);
  }

  function show(focus) {
    const next = session.queue.shift();
    const list = document.createElement("ol");
    list.className = "gl-flashcards__cards gl-review__cards";
    list.append(card(next, session.fresh.has(next.key)));
    stage.replaceChildren(list);
    enhance(list.firstChild, next.key, { onRated: (entry) => rated(next, entry) });
    if (focus) list.querySelector(".gl-card__flip").focus(); // the rated card's buttons are gone
    const left = session.queue.length + 1;
    status.textContent = `${left} card${left === 1 ? "" : "s"} to go in this session.`;
  }

  function rated(next, entry) {
    const grade = GRADES.find((g) => g.toLowerCase() === entry.rating);
    session.ratings.push(grade);
    session.reviewed.add(next.key);
    if (session.fresh.has(next.key)) update((state) => introduce(state, next.key));
    if (grade === "Again") again(session.queue, next);
    if (!session.queue.length) return finish();
    show(true);
    status.textContent = `Saved: ${grade}. ${status.textContent}`;
  }

  function finish() {
    const { reviewed, ratings, fresh } = session;
    const met = [...reviewed].filter((key) => fresh.has(key)).length;
    const tally = GRADES.map((grade) => `<li>${grade}: ${ratings.filter((g) => g === grade).length}</li>`).join("");
    stage.innerHTML = `<section class="gl-review__summary" aria-labelledby="gl-review-summary">
      <h2 id="gl-review-summary" tabindex="-1">Session complete</h2>
      <p>You reviewed ${count(reviewed.size)}, ${met} of them new, with ${ratings.length} rating${ratings.length === 1 ? "" : "s"}:</p>
      <ul class="gl-review__tally">${tally}</ul>
      <p>${nextDue(read())}</p>
      <button type="button" class="md-button">Start another session</button>
    </section>`;
    stage.querySelector("button").addEventListener("click", () => start(true));
    status.textContent = "Session complete.";
    stage.querySelector("h2").focus();
  }

  function idle(focus) {
    const state = read();
    const why = heldBack(state);
    stage.innerHTML = `<p tabindex="-1">${nextDue(state)}</p>${why && `<p>${why}</p>`}`;
    status.textContent = "Nothing is due for review right now. Well done.";
    if (focus) stage.firstElementChild.focus(); // the button that started this session is gone
  }

  // Why no new card joined the session, when some are still unrated.
  function heldBack(state) {
    const quota = newPerDay(state);
    if (!cards.some(({ key }) => !state.cards[key])) return "";
    if (!quota) return "New cards are switched off; raise the number below to meet some.";
    if (introducedToday(state).length < quota) return "";
    return `You have met today's ${count(quota, "new card")}; more come tomorrow, or raise the number below.`;
  }

  function nextDue(state) {
    const dues = cards.map(({ key }) => state.cards[key]?.due).filter(Boolean);
    if (!dues.length) return "None of your cards has a review date yet.";
    const first = dues.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
    return `Your next card is due ${until(first)}.`;
  }

  // A new number applies at once to a session that has not begun, otherwise to the next one.
  input.addEventListener("change", () => {
    const chosen = Number(input.value);
    if (!input.checkValidity() || !Number.isInteger(chosen)) {
      input.value = newPerDay(read());
      status.textContent = `Choose a whole number from 0 to ${MAX_NEW_PER_DAY}.`;
      return;
    }
    update((state) => (state.review.settings = { newPerDay: chosen }));
    const saved = `Saved: up to ${count(chosen, "new card")} a day`;
    if (session.ratings.length) {
      status.textContent = `${saved}, from your next session.`;
    } else {
      start(false);
      status.textContent = `${saved}. ${status.textContent}`;
    }
  });

  start(false);
  return subscribe((state) => (input.value = newPerDay(state))); // an import or another tab
}

function count(n, noun = "card") {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

// The card as its lesson shows it (the macro's own markup, kept in course.json), with a link
// back to that lesson, and "New" for a card never rated, among its tags.
function card({ page, card }, fresh) {
  const template = document.createElement("template");
  template.innerHTML = card.html;
  const li = template.content.firstElementChild;
  const tags = li.querySelector(".gl-card__tags");
  if (fresh) tags.insertAdjacentHTML("afterbegin", '<li class="gl-review__new">New</li>');
  tags.insertAdjacentHTML("beforeend", `<li><a href="${siteRoot()}${esc(page.url)}">${esc(page.title ?? page.url)}</a></li>`);
  return li;
}
