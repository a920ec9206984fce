// Flip cards ("Recall & Review"): every card of a deck becomes a flip card whose ratings are
// saved under "<deck>/<card>".
import { enhance } from "./card.js";
import "./style.css";

export { enhance }; // the review page turns the same card markup into the same flip card

export const name = "flashcards";
export const selector = '[data-gl-component="flashcards"]';

export function mount(el) {
  for (const li of el.querySelectorAll(".gl-card[data-card]")) enhance(li, `${el.dataset.deck}/${li.dataset.card}`);
}
