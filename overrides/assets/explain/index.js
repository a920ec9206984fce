// Explain: the reader writes an explanation (kept in progress.explain["<widget>/<prompt>"]),
// then asks for the key concepts, ticks the ones they covered and sees "You got N/M concepts";
// the model answer opens after that. Without this script all of it is plain <details>.
import { read, update } from "../progress/store.js";
import "./style.css";

export const name = "explain";
export const selector = '[data-gl-component="explain"]';

const SAVE_DELAY_MS = 400; // typing is saved once it pauses this long, not on every key

export function mount(el) {
  const prompts = [...el.querySelectorAll(".gl-explain__prompt")];
  const cleanups = prompts.map((prompt) => setUp(`${el.dataset.explain}/${prompt.dataset.prompt}`, prompt));
  return () => cleanups.forEach((cleanup) => cleanup());
}

// Sets up one prompt; returns its cleanup, which saves unsaved words (instant navigation fires
// no pagehide) and removes the window listener.

function setUp(key, el) {
  const text = el.querySelector(".gl-explain__text");
  const show = el.querySelector(".gl-explain__show");
  const concepts = el.querySelector(".gl-explain__concepts");
  const boxes = [...concepts.querySelectorAll("input[type=checkbox]")];
  const score = el.querySelector(".gl-explain__score");
  const answer = el.querySelector(".gl-explain__answer");

  const save = (patch) =>
    update((state) => {
      state.explain[key] = { ...state.explain[key], ...patch };
    });
  const count = () => {
    score.textContent = `You got ${boxes.filter((box) => box.checked).length}/${boxes.length} concepts`;
  };
  const reveal = () => {
    show.hidden = true;
    concepts.hidden = answer.hidden = false;
    concepts.open = true;
    count();
  };

  const saved = read().explain[key] ?? {};
  text.value = saved.text ?? "";
  boxes.forEach((box, n) => (box.checked = Boolean(saved.concepts?.[n])));
  if (saved.revealed) reveal();
  else {
    concepts.hidden = answer.hidden = true; // retrieval first: concepts and answer wait for the button
    show.hidden = false;
  }

  let timer;
  text.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => save({ text: text.value }), SAVE_DELAY_MS);
  });
  const flush = () => {
    clearTimeout(timer);
    if (text.value !== (read().explain[key]?.text ?? "")) save({ text: text.value });
  };
  text.addEventListener("change", flush);
  window.addEventListener("pagehide", flush); // a reload while typing keeps the last words too
  show.addEventListener("click", () => {
    save({ revealed: true });
    reveal();
    boxes[0].focus();
  });
  concepts.addEventListener("change", () => {
    save({ concepts: boxes.map((box) => box.checked) });
    count();
  });
  return () => {
    flush();
    window.removeEventListener("pagehide", flush);
  };
}
