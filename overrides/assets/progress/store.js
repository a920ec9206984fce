// The learner's progress: one versioned localStorage key shared by every widget.
// Shape (version 2):
//   cards:      { "<deck>/<card>": { rating, due: ISO date, fsrs: <ts-fsrs card>, reviewedAt } }
//   quizzes:    { "<quiz>": { "<question>": { correct: bool, chosen: [option index...], answeredAt,
//                                           firstTry: bool, eventually: bool } } }
//               (firstTry: the first Check's verdict, null if it predates the record; eventually:
//               some Check was right. Retry clears the rest and keeps these two.)
//   challenges: { "<challenge>": { "<problem>": { solved: bool, attemptsUsed, revealed } } }  (the current try)
//   bests:      { "<challenge>": { solved, total, tries } }  (most problems solved in one try; Try again keeps it)
//   badges:     { "<challenge>": { name, earnedAt } }
//   explain:    { "<explain>/<prompt>": { text, concepts: [bool...], revealed } }
//   predictions:{ "<cell>": { text, matched } }
//   code:       { "<page path>#<cell>": { authored, text } }  (a reader's edit of a code cell)
//   modes:      { "<page path>": { mode } }                   (the study mode chosen on a lesson)
//   review:     { settings: { newPerDay }, today: { date, introduced: [card key...] } }  (review/queue.js)
//   learner:    "<random id>"  (made once by `learnerId`; not a section, so it is not progress)
// Sections added later default to {}, so older version-2 data needs no migration.
// Widgets change it only through `update`, so every write is validated and announced.
export const KEY = "gradlab:progress";
export const VERSION = 2;
export const SECTIONS = ["cards", "quizzes", "challenges", "bests", "badges", "explain", "predictions", "code", "modes", "review"];
const listeners = new Set();
let notice = null;
let persistence = null;

// Each step turns version N into N + 1.
const MIGRATIONS = {
  // Version 2 keeps a card's due date beside the scheduler's state, so the review and progress
  // pages can list due cards without loading the scheduler.
  1: (state) => {
    for (const entry of Object.values(state.cards ?? {})) {
      if (isObject(entry)) entry.due ??= entry.fsrs?.due ?? entry.reviewedAt ?? new Date(0).toISOString();
    }
    return { ...state, version: 2 };
  },
};

export function empty() {
  return { version: VERSION, ...Object.fromEntries(SECTIONS.map((s) => [s, {}])) };
}

// Returns the stored state, or a fresh one when nothing usable is stored. Pure: it never writes;
// `recover` deals with unreadable data.
export function read() {
  return load().state;
}

// What is stored: { state, raw, unreadable } (raw: the stored text; unreadable: it is not progress).
function load() {
  let raw = null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    /* storage disabled: work in memory */
  }
  if (raw === null) return { state: empty(), raw, unreadable: false };
  let state = null;
  try {
    state = migrate(JSON.parse(raw));
  } catch {
    /* not JSON */
  }
  return { state: state ?? empty(), raw, unreadable: !state };
}

// Corrupt or unknown data is set aside (not silently lost: it stays under KEY + ":corrupt"), a
// fresh state takes its place and a notice is queued for `takeNotice`. Called before every write
// and by the notice component when a page opens.
export function recover() {
  const { raw, unreadable } = load();
  if (!unreadable) return;
  try {
    localStorage.setItem(`${KEY}:corrupt`, raw);
    localStorage.setItem(KEY, JSON.stringify(empty()));
  } catch {
    /* storage full or disabled */
  }
  notice = "Your saved progress could not be read, so it was reset. The unreadable copy was kept aside.";
}

// Brings older versions up to date and checks the shape; returns null for data that is not
// (or no longer) Gradlab progress, including data written by a newer version of the site.
export function migrate(data) {
  if (!isObject(data) || !Number.isInteger(data.version) || data.version > VERSION) return null;
  let state = structuredClone(data);
  for (let version = state.version; version < VERSION; version++) {
    if (!MIGRATIONS[version]) return null;
    state = MIGRATIONS[version](state);
  }
  const fixed = empty();
  for (const section of SECTIONS) {
    const entries = state[section] ?? {};
    if (!isObject(entries) || !Object.values(entries).every(isObject)) return null;
    fixed[section] = entries;
  }
  if (!Object.values(fixed.cards).every((card) => !Number.isNaN(Date.parse(card.due)))) return null;
  // An odd id only orders quiz options: drop it (the next quiz makes a new one) rather than the progress.
  if (typeof state.learner === "string" && /^[\w-]{8,64}$/.test(state.learner)) fixed.learner = state.learner;
  return fixed;
}

// The learner's id: random, made on first use and kept with the progress, so the quiz shows this
// learner the same option order on every visit and another learner another order. Export and
// import carry it; a reset (`empty()`) drops it, and the next quiz makes a fresh one.
export function learnerId() {
  let state = read();
  if (!state.learner) {
    recover(); // as before any write: unreadable data is set aside, not overwritten
    state = read();
    state.learner ??= randomId();
    // Not `write`: an id is not progress, so opening a page neither asks for persistent storage
    // (a prompt in some browsers) nor redraws every widget.
    save(state);
  }
  return state.learner;
}

function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16)); // randomUUID needs a secure context
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// How a learner did on some quizzes, counted per question: `quizzes` lists { id, questions: [id...] }
// as course.json's `widgets.quiz` does. Returns { firstTry, eventually, tried, total }: right on the
// first Check, right at some Check, checked at least once, and how many questions there are.
export function quizScores(quizzes, state = read()) {
  const scores = { firstTry: 0, eventually: 0, tried: 0, total: 0 };
  for (const quiz of quizzes) {
    for (const id of quiz.questions) {
      const result = state.quizzes[quiz.id]?.[id];
      scores.total += 1;
      if (!isObject(result)) continue;
      scores.tried += 1;
      scores.firstTry += result.firstTry === true;
      scores.eventually += result.eventually === true || result.correct === true;
    }
  }
  return scores;
}

export function update(mutate) {
  recover();
  const state = read();
  mutate(state);
  write(state);
  return state;
}

export function write(state) {
  save(state);
  requestPersistence();
  for (const listener of listeners) listener(state);
}

function save(state) {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    /* storage full or disabled: progress lasts for this page only */
  }
}

// The first subscriber starts listening for another tab's saves, not the import: the home page
// inlines a copy of this module (continue/early.js) that only reads, on every visit.
export function subscribe(listener) {
  if (!listeners.size) addEventListener("storage", fromOtherTab);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function fromOtherTab(event) {
  if (event.key !== KEY) return;
  const state = read();
  for (const listener of listeners) listener(state);
}

// A notice queued by `recover` (corrupt data), handed out once.
export function takeNotice() {
  const text = notice;
  notice = null;
  return text;
}

// Asks the browser not to evict progress under storage pressure; asked once, on the first save.
// Resolves to whether storage is persistent.
export function requestPersistence() {
  persistence ??= navigator.storage?.persist ? navigator.storage.persist().catch(() => false) : Promise.resolve(false);
  return persistence;
}

export function isEmpty(state) {
  return SECTIONS.every((section) => Object.keys(state[section]).length === 0);
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
