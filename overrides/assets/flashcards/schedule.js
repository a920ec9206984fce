// Spaced repetition with FSRS (npm ts-fsrs). The scheduler is fetched the first time a card is
// turned over, so a page whose cards are never flipped never downloads it.
export const GRADES = ["Again", "Hard", "Good", "Easy"];

let scheduler;
function load() {
  scheduler ??= import("ts-fsrs").then(({ fsrs, createEmptyCard, Rating }) => ({
    f: fsrs(),
    createEmptyCard,
    Rating,
  }));
  return scheduler;
}

// When each grade would bring the card back: { Again: Date, Hard: Date, ... }.
export async function preview(entry, now = new Date()) {
  const { f, createEmptyCard, Rating } = await load();
  const outcomes = f.repeat(entry?.fsrs ?? createEmptyCard(now), now);
  return Object.fromEntries(GRADES.map((grade) => [grade, outcomes[Rating[grade]].card.due]));
}

// The progress entry after rating a card `grade` (one of GRADES).
export async function rate(entry, grade, now = new Date()) {
  const { f, createEmptyCard, Rating } = await load();
  const { card } = f.next(entry?.fsrs ?? createEmptyCard(now), now, Rating[grade]);
  return { rating: grade.toLowerCase(), due: card.due.toISOString(), fsrs: card, reviewedAt: now.toISOString() };
}

export function isDue(entry, now = Date.now()) {
  return Date.parse(entry.due) <= now;
}

// "now", "in 10 minutes", "in 3 days": the wait until `due`, rounded to one unit.
export function until(due, now = Date.now()) {
  const minutes = Math.round((new Date(due) - now) / 60000);
  if (minutes < 1) return "now";
  const [count, unit] =
    minutes < 60 ? [minutes, "minute"] : minutes < 60 * 24 ? [Math.round(minutes / 60), "hour"] : [Math.round(minutes / 1440), "day"];
  return `in ${count} ${unit}${count === 1 ? "" : "s"}`;
}
