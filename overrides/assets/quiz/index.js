// Quiz: **Check** grades one question in the page. The verdict, the feedback of every chosen
// option and (once right) the explanation go to the question's live region, each marked with a
// word and an icon, never colour alone. Results live in progress.quizzes[quiz][question], and
// the page is drawn from them, so a reload or a reset elsewhere shows the same state.
// "Answer and explanation" is hidden until the question has been checked once: reading it first
// would spoil the try. Without JavaScript it stays readable, as the macro renders it.
// Options are shown in the learner's own order (order.js) unless the question says
// `shuffle: false`; inputs keep their authored index as value, so saved answers do not depend on
// it. The first Check's verdict and whether some Check was right are kept apart from the answer
// on screen: the summary reports both, and Retry clears only the answers.
import { learnerId, quizScores, read, subscribe, update } from "../progress/store.js";
import { copyRendered as copy } from "../site.js";
import { optionOrder } from "./order.js";
import "./style.css";

export const name = "quiz";
export const selector = '[data-gl-component="quiz"]';

export function mount(el) {
  const quizId = el.dataset.quiz;
  const questions = [...el.querySelectorAll(".gl-quiz__question")].map(prepare);
  const summary = el.querySelector(".gl-quiz__summary");
  const retry = el.querySelector(".gl-quiz__retry");
  const learner = learnerId();

  for (const question of questions) {
    if (question.shuffle) arrange(question, optionOrder(learner, `${quizId}/${question.id}`, question.inputs.length));
    question.check.hidden = false;
    question.details.hidden = true; // until its first Check (show)
    question.check.addEventListener("click", () => grade(question));
  }
  retry.addEventListener("click", () => {
    update((state) => {
      const results = state.quizzes[quizId] ?? {};
      for (const [id, result] of Object.entries(results)) {
        results[id] = { firstTry: result?.firstTry ?? null, eventually: result?.eventually === true || result?.correct === true };
      }
    });
    questions[0].inputs[0].focus();
  });

  function grade(question) {
    const chosen = question.inputs.filter((input) => input.checked).map((input) => Number(input.value)).sort((a, b) => a - b);
    if (chosen.length === 0) {
      question.status.textContent = "Choose an answer first, then press Check.";
      question.shown = null;
      return;
    }
    const correct = question.answers.every((isAnswer, n) => isAnswer === chosen.includes(n));
    update((state) => {
      const results = (state.quizzes[quizId] ??= {});
      const before = results[question.id];
      // A record from before first tries were kept cannot tell whether this Check is the first.
      const firstTry = before === undefined ? correct : before?.firstTry ?? null;
      const eventually = correct || before?.eventually === true || before?.correct === true;
      results[question.id] = { correct, chosen, answeredAt: new Date().toISOString(), firstTry, eventually };
    });
  }

  function draw(state) {
    const results = state.quizzes[quizId] ?? {};
    for (const question of questions) show(question, answered(results[question.id]));
    const scores = quizScores([{ id: quizId, questions: questions.map((question) => question.id) }], state);
    const left = scores.total - scores.tried;
    const text = scores.tried
      ? `First try: ${scores.firstTry} of ${scores.total} correct. Eventually: ${scores.eventually} of ${scores.total} correct.` +
        (left ? ` ${left} not checked yet.` : "")
      : "";
    if (summary.textContent !== text) summary.textContent = text;
    retry.hidden = !questions.some((question) => answered(results[question.id]));
  }

  draw(read());
  return subscribe(draw);
}

// The answer on screen, if the record holds one (after Retry it holds only the first-try record).
// Imported or hand-edited progress may hold anything: show what makes sense, never throw.
function answered(saved) {
  return saved && typeof saved === "object" && "chosen" in saved ? saved : undefined;
}

function prepare(el) {
  const key = [...el.querySelectorAll(".gl-quiz__key > li")];
  return {
    id: el.dataset.question,
    inputs: [...el.querySelectorAll(".gl-quiz__options input")], // in the order shown
    answers: key.map((li) => li.dataset.correct === "true"), // by authored index, as the key below
    multiple: el.dataset.multiple === "true",
    shuffle: el.dataset.shuffle !== "false",
    key,
    check: el.querySelector(".gl-quiz__check"),
    status: el.querySelector(".gl-quiz__status"),
    explanation: el.querySelector(".gl-quiz__explanation"),
    details: el.querySelector(".gl-quiz__answer"),
    icons: el.closest(".gl-quiz").querySelector(".gl-quiz__icons").content,
    shown: "", // answeredAt of the result on screen: redraw only what changed, so nothing is announced twice
  };
}

// Puts the options, and the answer key under them, in `order` (authored indices), so that
// everything the learner reads follows the order they see.
function arrange(question, order) {
  const items = question.inputs.map((input) => input.closest("li"));
  items[0].parentElement.append(...order.map((n) => items[n]));
  question.key[0].parentElement.append(...order.map((n) => question.key[n]));
  question.inputs = order.map((n) => question.inputs[n]);
}

function show(question, result) {
  const stamp = result ? String(result.answeredAt) : "";
  if (question.shown === stamp) return;
  question.shown = stamp;
  const chosen = Array.isArray(result?.chosen) ? result.chosen : [];
  const order = question.inputs.map((input) => Number(input.value));
  for (const [at, input] of question.inputs.entries()) {
    const item = input.closest("li");
    item.querySelector(".gl-quiz__mark")?.remove();
    input.checked = chosen.includes(order[at]);
    if (result && input.checked) item.append(mark(question, question.answers[order[at]]));
  }
  question.details.hidden = !result;
  if (!result) {
    question.status.replaceChildren();
    question.details.open = false;
    return;
  }
  const verdict = element("p", "gl-quiz__verdict-line");
  verdict.append(said(question, result.correct === true, "strong", "", result.correct === true ? "Correct." : "Not quite."));
  const reasons = element("ul", "gl-quiz__reasons");
  for (const n of order.filter((n) => chosen.includes(n))) {
    const option = question.key[n];
    const reason = element("li", question.answers[n] ? "gl-quiz__right" : "gl-quiz__wrong");
    reason.append(
      said(question, question.answers[n], "strong", "", question.answers[n] ? "Right: " : "Wrong: "),
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

function mark(question, right) {
  return said(question, right, "span", `gl-quiz__mark ${right ? "gl-quiz__right" : "gl-quiz__wrong"}`, right ? "right" : "wrong");
}

// A verdict in words, led by Material's right or wrong icon from the quiz's <template>.
function said(question, right, tag, className, text) {
  const node = element(tag, className, text);
  node.prepend(question.icons.querySelector(`[data-right="${right}"] svg`).cloneNode(true));
  return node;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}
