// The learner's progress: one versioned localStorage key shared by every widget.
// Shape (version 1):
//   cards:      { "<deck>/<card>": { rating, fsrs: <ts-fsrs card>, reviewedAt } }
//   quizzes:    { "<quiz>": { "<question>": { correct: bool, answeredAt } } }
//   challenges: { "<challenge>": { "<problem>": { solved: bool, attemptsUsed, revealed } } }
//   badges:     { "<challenge>": { name, earnedAt } }
//   explain:    { "<prompt>": { text, concepts: [bool...] } }
//   predictions:{ "<cell>": { text, matched } }
// Widgets change it only through `update`, so every write is validated and announced.
export const KEY = "gradlab:progress";
export const VERSION = 1;
const SECTIONS = ["cards", "quizzes", "challenges", "badges", "explain", "predictions"];
const listeners = new Set();
let notice = null;

export function empty() {
  return { version: VERSION, ...Object.fromEntries(SECTIONS.map((s) => [s, {}])) };
}

// Returns the stored state, or a fresh one when nothing usable is stored. Corrupt or unknown
// data is set aside (not silently lost: it stays under KEY + ":corrupt") and a notice is queued.
export function read() {
  let raw;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    return empty(); // storage disabled: work in memory
  }
  if (raw === null) return empty();
  try {
    const state = migrate(JSON.parse(raw));
    if (state) return state;
  } catch {
    /* fall through to reset */
  }
  try {
    localStorage.setItem(`${KEY}:corrupt`, raw);
    localStorage.setItem(KEY, JSON.stringify(empty()));
  } catch {
    /* storage full or disabled */
  }
  notice = "Your saved progress could not be read, so it was reset. The unreadable copy was kept aside.";
  return empty();
}

// Brings older versions up to date; returns null for data that is not Gradlab progress.
export function migrate(state) {
  if (!state || typeof state !== "object" || Array.isArray(state)) return null;
  if (state.version === VERSION) {
    const fixed = empty();
    for (const section of SECTIONS) {
      const value = state[section];
      if (value !== undefined && (typeof value !== "object" || value === null || Array.isArray(value))) return null;
      fixed[section] = value ?? {};
    }
    return fixed;
  }
  return null;
}

export function update(mutate) {
  const state = read();
  mutate(state);
  write(state);
  return state;
}

export function write(state) {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    /* storage full or disabled: progress lasts for this page only */
  }
  for (const listener of listeners) listener(state);
}

export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// A notice queued by `read` (corrupt data), handed out once.
export function takeNotice() {
  const text = notice;
  notice = null;
  return text;
}
