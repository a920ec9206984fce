// Challenges: problems graded in the page, attempts, hints, an opt-in countdown, a badge, and
// Try again. The server renders everything readable without JavaScript (answers in <details>);
// this component adds the Check buttons, hides answers until a problem is solved or out of
// attempts, and saves results in progress.challenges (the current try), progress.bests (the
// best try, which Try again keeps) and progress.badges.
import * as store from "../progress/store.js";
import { codeOf, resetCode } from "../codecell/index.js";
import { createTimer } from "./timer.js";
import "./style.css";

export const name = "challenge";
export const selector = '[data-gl-component="challenge"]';

function html(tag, attrs = {}, text = "") {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  el.textContent = text;
  return el;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function mount(el) {
  const cid = el.dataset.challenge;
  const template = el.querySelector(".gl-challenge__parts").content;
  const part = (name) => template.querySelector(`[data-part="${name}"]`).cloneNode(true);
  const saved = store.read().challenges[cid] ?? {};
  const announcer = html("p", { class: "gl-challenge__announcer", "aria-live": "polite" });
  el.querySelector(".gl-challenge__meta").after(announcer);
  const announce = (text) => {
    // Clear first so the same words said twice are still announced.
    announcer.textContent = "";
    requestAnimationFrame(() => (announcer.textContent = text));
  };

  // The end of the challenge, where the last answer was given: the badge, the score, Try again.
  const result = html("div", { class: "gl-challenge__result" });
  const badge = html("div", { class: "gl-challenge__badge", role: "status" });
  const score = html("p", { class: "gl-challenge__score" });
  const best = html("p", { class: "gl-challenge__best" });
  const again = html("button", { type: "button", class: "md-button gl-challenge__again" }, "Try again");
  result.append(badge, score, best, again);
  el.querySelector(".gl-challenge__problems").after(result);

  const problems = [...el.querySelectorAll(".gl-challenge__problem")].map((li) =>
    problem(li, saved[li.dataset.problem] ?? {}, { save, finished, part, hold: (p, on) => timer.hold(p, on) }),
  );
  const timer = createTimer(el, problems, announce);

  // The best try is the most problems solved in one try; it is kept as each answer is saved,
  // so leaving in the middle of a better try keeps it too.
  function save(p) {
    const solved = problems.filter((q) => q.solved).length;
    store.update((state) => {
      state.challenges[cid] = { ...state.challenges[cid], [p.id]: p.record() };
      const before = state.bests[cid] ?? { solved: 0, tries: 1 };
      state.bests[cid] = { ...before, solved: Math.max(before.solved, solved), total: problems.length };
    });
  }

  function finished() {
    timer.next();
    const over = problems.every((p) => p.done);
    if (over && problems.every((p) => p.solved) && !store.read().badges[cid]) {
      store.update((state) => {
        state.badges[cid] = { name: el.dataset.badge, earnedAt: new Date().toISOString() };
      });
      showBadge(true);
    }
    showResult();
    if (over) announce(`${score.textContent} Try again starts a new try.`);
  }

  function showBadge(justNow) {
    if (!store.read().badges[cid] || badge.firstChild) return;
    badge.append(part("badge"));
    // A short celebration, once, when it is earned (style.css leaves it out for reduced motion).
    badge.classList.toggle("gl-challenge__badge--new", justNow);
  }

  function showResult() {
    const total = problems.length;
    const solved = problems.filter((p) => p.solved).length;
    const over = problems.every((p) => p.done);
    const record = store.read().bests[cid];
    const retried = (record?.tries ?? 1) > 1;
    score.textContent = over ? `You solved ${solved} of ${plural(total, "problem")}${retried ? " this try" : ""}.` : "";
    best.textContent = retried ? `Best: ${Math.max(record.solved, solved)} of ${total} solved.` : "";
    again.hidden = !over;
  }

  again.addEventListener("click", () => {
    store.update((state) => {
      delete state.challenges[cid];
      const before = state.bests[cid] ?? { solved: 0, total: problems.length, tries: 1 };
      state.bests[cid] = { ...before, tries: before.tries + 1 };
    });
    for (const p of problems) p.restart();
    timer.restart();
    showResult();
    // Try again is hidden now: the challenge's title is where the new try starts (not a problem,
    // whose clock would start on focus).
    const title = el.querySelector(".gl-challenge__title");
    title.tabIndex = -1;
    title.focus();
    const kept = store.read().badges[cid] ? "your best result and your badge are kept" : "your best result is kept";
    announce(`New try: every problem has its attempts back; ${kept}.`);
  });

  showBadge(false);
  showResult();
  return timer.stop;
}

function problem(li, record, { save, finished, part, hold }) {
  const id = li.dataset.problem;
  const title = li.querySelector(".gl-challenge__problem-title").textContent;
  const attempts = Number(li.dataset.attempts);
  const isDebug = li.dataset.category === "Debug";
  const radios = [...li.querySelectorAll("input[type=radio]")];
  const answer = li.querySelector(".gl-challenge__answer");
  const hint = upgradeHint(li);
  const check = html("button", { type: "button", class: "md-button gl-challenge__check" }, "Check");
  // One line says where the problem stands (attempts left, solved, out of attempts); the status
  // below it says what the last Check found, and takes the line's place when it says the same.
  const state = html("p", { class: "gl-challenge__state" });
  const feedback = html("div", { class: "gl-challenge__feedback", role: "status" });
  const actions = html("div", { class: "gl-challenge__actions" });
  actions.append(check, hint.button);
  answer.before(actions, hint.panel, state, feedback);

  const self = {
    id,
    li,
    title,
    timeLimit: Number(li.dataset.timeLimit),
    used: record.attemptsUsed ?? 0,
    solved: Boolean(record.solved),
    get done() {
      return self.solved || self.used >= attempts;
    },
    record: () => ({ solved: self.solved, attemptsUsed: self.used, revealed: self.done }),
    // The countdown ran out: that costs an attempt, like a wrong answer.
    timeUp() {
      miss("Time's up: that cost an attempt.");
      return self.done;
    },
    // Try again: fresh attempts, nothing chosen, the answer hidden again, a Debug problem's
    // code broken again (a fix left in place would pass the next Check untried).
    restart() {
      if (isDebug) resetCode(li.querySelector('[data-gl-component="codecell"]'));
      self.used = 0;
      self.solved = false;
      for (const radio of radios) radio.checked = false;
      answer.open = false;
      hint.close();
      say([]);
      render();
    },
  };

  // The status in separate sentences: a verdict, then what Python said (in its own block, so a
  // message ending in a number never runs into the next sentence), then what is left. A verdict
  // (right or wrong) says where the problem stands, so the state line is hidden meanwhile.
  function say(sentences, { verdict = null, detail = null } = {}) {
    state.hidden = Boolean(verdict);
    const [first, ...rest] = sentences;
    const lines = [];
    if (first) {
      const p = html("p", { class: "gl-challenge__verdict" }, first);
      if (verdict) p.prepend(part(verdict));
      lines.push(p);
    }
    if (detail) lines.push(html("pre", { class: "gl-challenge__detail" }, detail));
    lines.push(...rest.map((text) => html("p", {}, text)));
    feedback.replaceChildren(...lines);
  }

  function render() {
    const remaining = attempts - self.used;
    if (self.solved) state.replaceChildren(part("right"), "Solved.");
    else state.textContent = self.done ? "Out of attempts." : `Attempts left: ${remaining} of ${attempts}.`;
    answer.hidden = !self.done;
    check.disabled = self.done;
    for (const radio of radios) radio.disabled = self.done;
    li.classList.toggle("gl-challenge__problem--solved", self.solved);
    li.classList.toggle("gl-challenge__problem--revealed", self.done && !self.solved);
  }

  function finish() {
    // Check and the radios are about to be disabled: keep keyboard focus in a useful place.
    const focusLost = document.activeElement === check || radios.includes(document.activeElement);
    answer.open = true;
    save(self);
    render();
    if (focusLost) answer.querySelector("summary").focus();
    finished();
  }

  function miss(message, detail = null) {
    self.used += 1;
    const remaining = attempts - self.used;
    const left = remaining > 0 ? `${plural(remaining, "attempt")} left.` : "No attempts left: the answer and explanation are shown below.";
    say([message, left], { verdict: "wrong", detail });
    if (remaining > 0) {
      save(self);
      render();
    } else finish();
  }

  function solve() {
    self.solved = true;
    say(["Correct. The explanation is shown below."], { verdict: "right" });
    finish();
  }

  let running = false;
  check.addEventListener("click", async () => {
    if (self.done) return;
    if (isDebug) {
      // While the checks run, the same button stops them (a fix may loop forever), and the
      // clock waits: loading Python is not the reader's time.
      if (running) return stopChecks();
      running = true;
      hold(self, true);
      check.textContent = "Stop";
      say(["Running your code and the checks…"]);
      const result = await runChecks(li).finally(() => {
        running = false;
        check.textContent = "Check";
        hold(self, false);
      });
      if (result.passed) solve();
      else if (result.passed === false) miss("The checks did not pass:", result.reason);
      else say(result.sentences, { detail: result.detail });
      return;
    }
    const chosen = radios.find((radio) => radio.checked);
    if (!chosen) return say(["Choose an answer first."]);
    if (chosen.value === li.dataset.answer) solve();
    else miss(`Not quite: ${chosen.value} is not the answer.`);
  });

  render();
  return self;
}

// The hint is a <details> without JavaScript; here it becomes a button beside Check, its
// summary's icon and word moved onto the button.
function upgradeHint(li) {
  const details = li.querySelector(".gl-challenge__hint");
  const summary = details.querySelector("summary");
  const panel = html("div", { class: "gl-challenge__hint-panel", id: `${li.id}-hint` });
  panel.append(...[...details.childNodes].filter((node) => node !== summary));
  const button = html("button", { type: "button", class: "md-button gl-challenge__hint-button", "aria-controls": panel.id });
  button.append(...summary.childNodes);
  const show = (open) => {
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
  };
  button.addEventListener("click", () => show(panel.hidden));
  show(false);
  details.remove();
  return { button, panel, close: () => show(false) };
}

// Python compiles the fix without running it; a fix that does not compile has not been tried,
// so it costs no attempt. Prints "line N: message" for a syntax error, nothing otherwise.
const compiles = (code) =>
  `try:\n    compile(${JSON.stringify(code)}, "your fix", "exec")\nexcept SyntaxError as error:\n    print(f"line {error.lineno}: {error.msg}")\n`;

// A Debug problem passes when the reader's code, followed by the author's assertions, runs
// without an error in a fresh namespace of the shared Python runtime. Returns {passed: true},
// {passed: false, reason} (an attempt is charged), or {sentences, detail} when the checks did
// not run (a syntax error, Stop, Python not loading): then no attempt is charged.
async function runChecks(li) {
  const tests = JSON.parse(li.querySelector(".gl-challenge__tests").textContent);
  const code = codeOf(li.querySelector('[data-gl-component="codecell"]'));
  const unchanged = "Your attempts are unchanged.";
  const { run } = await import("../runtime/index.js");
  let syntax = "";
  let result;
  try {
    result = await run(compiles(code), { onStdout: (text) => (syntax += text) });
    if (!result.stopped && !syntax) result = await run(tests, { setup: code });
  } catch (error) {
    return { sentences: [error.message, unchanged] };
  }
  if (result.stopped) return { sentences: ["The run was stopped.", unchanged] };
  if (syntax) return { sentences: ["Your code has a syntax error, so the checks did not run:", `Fix it and press Check again. ${unchanged}`], detail: syntax.trim() };
  if (result.ok) return { passed: true };
  const last = String(result.error ?? "").trim().split("\n").pop();
  return { passed: false, reason: last || "an assertion failed." };
}

async function stopChecks() {
  const { stop } = await import("../runtime/index.js");
  stop();
}
