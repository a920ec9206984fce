// One flip card, built from the markup the macro writes (front, back in a <details>, tags).
// Its Flip card button's aria-expanded tells which side shows; turning it over reveals the back
// and the recall ratings, and a rating is scheduled by FSRS and saved under `key`.
import { read, update } from "../progress/store.js";
import { GRADES, isDue, preview, rate, until } from "./schedule.js";
import { copyRendered } from "../site.js";

export function enhance(li, key, { onRated } = {}) {
  const front = li.querySelector(".gl-card__front");
  const back = li.querySelector(".gl-card__back");
  const scene = document.createElement("div");
  scene.className = "gl-card__scene";
  front.before(scene);
  scene.append(front, back);
  front.classList.add("gl-card__face");
  // The back repeats the question above the answer: turned over, a card still says what it asked.
  const recap = copyRendered(front);
  recap.className = "gl-card__recap";
  back.prepend(recap);
  back.classList.add("gl-card__face");
  back.inert = true;
  li.querySelector(".gl-card__reveal")?.remove();

  // The faces may hold code with its own copy button, and a button may hold no other control,
  // so the flip button sits beside the faces and is described by the question.
  const button = document.createElement("button");
  button.type = "button";
  button.className = "gl-card__flip";
  button.textContent = "Flip card";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", back.id);
  button.setAttribute("aria-describedby", front.id);

  const ratings = document.createElement("div");
  ratings.className = "gl-card__ratings";
  ratings.setAttribute("role", "group");
  ratings.setAttribute("aria-label", "How well did you recall it?");
  ratings.hidden = true;
  const grades = GRADES.map((grade) => {
    const choice = document.createElement("button");
    choice.type = "button";
    choice.className = `gl-card__grade gl-card__grade--${grade.toLowerCase()}`;
    choice.innerHTML = `${grade} <small></small>`;
    choice.addEventListener("click", () => save(grade));
    return choice;
  });
  ratings.append(...grades);
  const status = document.createElement("p");
  status.className = "gl-card__status";
  status.setAttribute("role", "status");
  scene.after(button, ratings, status);
  li.classList.add("gl-card--live");

  const saved = read().cards[key];
  if (saved) status.textContent = isDue(saved) ? "Due for review now." : `Next review ${until(saved.due)}.`;

  function turn(open) {
    button.setAttribute("aria-expanded", String(open));
    li.classList.toggle("gl-card--flipped", open);
    back.inert = !open;
    front.inert = open;
    ratings.hidden = !open;
    if (open) label();
  }

  async function label() {
    const due = await preview(read().cards[key]);
    grades.forEach((choice, i) => (choice.lastChild.textContent = until(due[GRADES[i]])));
  }

  async function save(grade) {
    const entry = await rate(read().cards[key], grade);
    update((state) => {
      state.cards[key] = entry;
    });
    turn(false);
    button.focus();
    status.textContent = `Saved: ${grade}. Next review ${until(entry.due)}.`;
    onRated?.(entry);
  }

  // Enter and Space arrive as clicks on the button. A click anywhere on the card turns it too,
  // unless it was on a control or ended a text selection.
  button.addEventListener("click", () => turn(button.getAttribute("aria-expanded") !== "true"));
  scene.addEventListener("click", (event) => {
    if (event.target.closest("a, button") || String(getSelection())) return;
    turn(button.getAttribute("aria-expanded") !== "true");
  });
}
