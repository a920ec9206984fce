// Challenges: problems graded in the page, attempts, hints, an opt-in countdown and a badge.
// The server renders everything readable without JavaScript (answers in <details>); this
// component adds the Check buttons, hides answers until a problem is solved or out of attempts,
// and saves results in progress.challenges and progress.badges.
import * as store from "../progress/store.js";
import { codeOf } from "../codecell/index.js";
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
  const saved = store.read().challenges[cid] ?? {};
  const announcer = html("p", { class: "gl-challenge__announcer", "aria-live": "polite" });
  const badge = html("p", { class: "gl-challenge__badge", role: "status" });
  el.querySelector(".gl-challenge__meta").after(badge, announcer);
  const announce = (text) => {
    // Clear first so the same words said twice are still announced.
    announcer.textContent = "";
    requestAnimationFrame(() => (announcer.textContent = text));
  };

  const problems = [...el.querySelectorAll(".gl-challenge__problem")].map((li) =>
    problem(li, saved[li.dataset.problem] ?? {}, { save, finished }),
  );
  const timer = createTimer(el, problems, announce);

  function save(p) {
    store.update((state) => {
      state.challenges[cid] = { ...state.challenges[cid], [p.id]: p.record() };
    });
  }

  function finished() {
    timer.next();
    showBadge(true);
  }

  function showBadge(justNow) {
    if (!problems.every((p) => p.solved)) return;
    const title = el.dataset.badge;
    if (justNow && !store.read().badges[cid]) {
      store.update((state) => {
        state.badges[cid] = { name: title, earnedAt: new Date().toISOString() };
      });
    }
    badge.textContent = `🏅 Badge earned: ${title}. You solved every problem.`;
    badge.classList.add("gl-challenge__badge--earned");
  }

  showBadge(false);
  return timer.stop;
}

function problem(li, record, { save, finished }) {
  const id = li.dataset.problem;
  const title = li.querySelector(".gl-challenge__problem-title").textContent;
  const attempts = Number(li.dataset.attempts);
  const isDebug = li.dataset.category === "Debug";
  const radios = [...li.querySelectorAll("input[type=radio]")];
  const answer = li.querySelector(".gl-challenge__answer");
  const hint = upgradeHint(li);
  const check = html("button", { type: "button", class: "md-button gl-challenge__check" }, "Check");
  const left = html("p", { class: "gl-challenge__attempts" });
  const feedback = html("p", { class: "gl-challenge__feedback", role: "status" });
  const actions = html("div", { class: "gl-challenge__actions" });
  actions.append(check, hint.button);
  answer.before(actions, hint.panel, left, feedback);

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
      miss("✗ Time's up: that cost an attempt.");
      return self.done;
    },
  };

  function render() {
    const remaining = attempts - self.used;
    left.textContent = self.solved ? "Solved." : `Attempts left: ${remaining} of ${attempts}.`;
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

  function miss(message) {
    self.used += 1;
    const remaining = attempts - self.used;
    if (remaining > 0) {
      feedback.textContent = `${message} ${plural(remaining, "attempt")} left.`;
      save(self);
      render();
    } else {
      feedback.textContent = `${message} No attempts left: the answer and explanation are shown below.`;
      finish();
    }
  }

  function solve() {
    self.solved = true;
    feedback.textContent = "✓ Correct! The explanation is shown below.";
    finish();
  }

  let running = false;
  check.addEventListener("click", async () => {
    if (self.done) return;
    if (isDebug) {
      // While the checks run, the same button stops them (a fix may loop forever).
      if (running) return stopChecks();
      running = true;
      check.textContent = "Stop";
      feedback.textContent = "Running your code and the checks…";
      const result = await runChecks(li).finally(() => {
        running = false;
        check.textContent = "Check";
      });
      if (result.passed) solve();
      else if (result.passed === false) miss(`✗ The checks did not pass: ${result.reason}`);
      else feedback.textContent = result.reason;
      return;
    }
    const chosen = radios.find((radio) => radio.checked);
    if (!chosen) {
      feedback.textContent = "Choose an answer first.";
      return;
    }
    if (chosen.value === li.dataset.answer) solve();
    else miss(`✗ Not quite: ${chosen.value} is not the answer.`);
  });

  if (self.solved) feedback.textContent = "✓ Solved.";
  else if (self.done) feedback.textContent = "Out of attempts: the answer and explanation are shown below.";
  render();
  return self;
}

// The 💡 hint is a <details> without JavaScript; here it becomes a button beside Check.
function upgradeHint(li) {
  const details = li.querySelector(".gl-challenge__hint");
  const panel = html("div", { class: "gl-challenge__hint-panel", id: `${li.id}-hint` });
  panel.append(...[...details.childNodes].filter((node) => node.nodeName !== "SUMMARY"));
  panel.hidden = true;
  const button = html("button", { type: "button", class: "md-button gl-challenge__hint-button", "aria-expanded": "false", "aria-controls": panel.id }, "💡 Hint");
  button.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", String(!panel.hidden));
  });
  details.remove();
  return { button, panel };
}

// A Debug problem passes when the reader's code, followed by the author's assertions, runs
// without an error in a fresh namespace of the shared Python runtime. Returns
// {passed, reason} or, when Python could not run at all, {reason} (no attempt is charged).
async function runChecks(li) {
  const tests = JSON.parse(li.querySelector(".gl-challenge__tests").textContent);
  const code = codeOf(li.querySelector('[data-gl-component="codecell"]'));
  const { run } = await import("../runtime/index.js");
  let result;
  try {
    result = await run(tests, { setup: code });
  } catch (error) {
    return { reason: `${error.message} Your attempts are unchanged.` };
  }
  if (result.ok) return { passed: true };
  if (result.stopped) return { reason: "The run was stopped. Your attempts are unchanged." };
  const last = String(result.error ?? "").trim().split("\n").pop();
  return { passed: false, reason: last || "an assertion failed." };
}

async function stopChecks() {
  const { stop } = await import("../runtime/index.js");
  stop();
}
