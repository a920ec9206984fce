// Quiz: **Check** grades one question in the page. The verdict, the feedback of every chosen
// option and (once right) the explanation go to the question's live region, each marked with a
// word and an icon, never colour alone. Results live in progress.quizzes[quiz][question], and
// the page is drawn from them, so a reload or a reset elsewhere shows the same state.
// "Answer and explanation" is hidden until the question has been checked once: reading it first
// would spoil the try. Without JavaScript it stays readable, as the macro renders it.
import { read, subscribe, update } from "../progress/store.js";
import { mount as renderMath } from "../math/index.js";
import "./style.css";

export const name = "quiz";
export const selector = '[data-gl-component="quiz"]';

export function mount(el) {
  const quizId = el.dataset.quiz;
  const questions = [...el.querySelectorAll(".gl-quiz__question")].map(prepare);
  const summary = el.querySelector(".gl-quiz__summary");
  const retry = el.querySelector(".gl-quiz__retry");

  for (const question of questions) {
    question.check.hidden = false;
    question.details.hidden = true; // until its first Check (show)
    question.check.addEventListener("click", () => grade(question));
  }
  retry.addEventListener("click", () => {
    update((state) => delete state.quizzes[quizId]);
    questions[0].inputs[0].focus();
  });

  function grade(question) {
    const chosen = question.inputs.filter((input) => input.checked).map((input) => Number(input.value));
    if (chosen.length === 0) {
      question.status.textContent = "Choose an answer first, then press Check.";
      question.shown = null;
      return;
    }
    const correct = question.answers.every((isAnswer, n) => isAnswer === chosen.includes(n));
    update((state) => {
      state.quizzes[quizId] ??= {};
      state.quizzes[quizId][question.id] = { correct, chosen, answeredAt: new Date().toISOString() };
    });
  }

  function draw(state) {
    const results = state.quizzes[quizId] ?? {};
    for (const question of questions) show(question, results[question.id]);
    const done = questions.filter((question) => results[question.id]);
    const right = done.filter((question) => results[question.id].correct === true).length;
    const left = questions.length - done.length;
    const text = done.length ? `${right} of ${questions.length} correct${left ? ` (${left} not checked yet)` : ""}` : "";
    if (summary.textContent !== text) summary.textContent = text;
    retry.hidden = done.length === 0;
  }

  draw(read());
  return subscribe(draw);
}

function prepare(el) {
  const key = [...el.querySelectorAll(".gl-quiz__key > li")];
  return {
    id: el.dataset.question,
    inputs: [...el.querySelectorAll(".gl-quiz__options input")],
    answers: key.map((li) => li.dataset.correct === "true"),
    multiple: el.dataset.multiple === "true",
    key,
    check: el.querySelector(".gl-quiz__check"),
    status: el.querySelector(".gl-quiz__status"),
    explanation: el.querySelector(".gl-quiz__explanation"),
    details: el.querySelector(".gl-quiz__answer"),
    shown: "", // answeredAt of the result on screen: redraw only what changed, so nothing is announced twice
  };
}

function show(question, saved) {
  // Imported or hand-edited progress may hold anything: show what makes sense, never throw.
  const result = saved && typeof saved === "object" ? saved : undefined;
  const stamp = result ? String(result.answeredAt) : "";
  if (question.shown === stamp) return;
  question.shown = stamp;
  const chosen = Array.isArray(result?.chosen) ? result.chosen : [];
  question.inputs.forEach((input, n) => {
    const item = input.closest("li");
    item.querySelector(".gl-quiz__mark")?.remove();
    input.checked = chosen.includes(n);
    if (result && chosen.includes(n)) item.append(mark(question.answers[n]));
  });
  question.details.hidden = !result;
  if (!result) {
    question.status.replaceChildren();
    question.details.open = false;
    return;
  }
  const verdict = element("p", "gl-quiz__verdict-line");
  verdict.append(element("strong", "", result.correct === true ? "✓ Correct." : "✗ Not quite."));
  const reasons = element("ul", "gl-quiz__reasons");
  for (const n of chosen) {
    const option = question.key[n];
    if (!option) continue;
    const reason = element("li", question.answers[n] ? "gl-quiz__right" : "gl-quiz__wrong");
    reason.append(
      element("strong", "", `${question.answers[n] ? "✓ Right" : "✗ Wrong"}: `),
      copy(option.querySelector(".gl-quiz__option")),
      copy(option.querySelector(".gl-quiz__why")),
    );
    reasons.append(reason);
  }
  const parts = [verdict, reasons];
  const missed = question.answers.filter((isAnswer, n) => isAnswer && !chosen.includes(n)).length;
  if (result.correct === true) parts.push(copy(question.explanation));
  else {
    if (question.multiple && missed) parts.push(element("p", "", `You missed ${missed} correct answer${missed > 1 ? "s" : ""}.`));
    parts.push(element("p", "", "Change your answer and press Check again, or open “Answer and explanation”."));
  }
  question.status.replaceChildren(...parts);
}

function mark(right) {
  return element("span", `gl-quiz__mark ${right ? "gl-quiz__right" : "gl-quiz__wrong"}`, right ? "✓ right" : "✗ wrong");
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

// A copy of rendered Markdown; math that KaTeX has not reached yet is rendered in the copy.
function copy(node) {
  const clone = node.cloneNode(true);
  for (const named of [clone, ...clone.querySelectorAll("[id]")]) named.removeAttribute("id");
  for (const math of clone.querySelectorAll(".arithmatex")) {
    if (!math.querySelector(".katex")) renderMath(math);
  }
  return clone;
}
