// Tells the reader when their saved progress could not be read and was reset, at the top of the
// page they are on; the rest of the page works as usual.
import { recover, takeNotice } from "../progress/store.js";

export const name = "notice";
export const selector = "article.md-content__inner";

export function mount(el) {
  recover(); // sets unreadable progress aside now, whichever widget reads or writes first
  const text = takeNotice();
  if (!text) return;
  const box = document.createElement("div");
  box.className = "admonition warning gl-notice";
  box.setAttribute("role", "alert");
  box.innerHTML = `<p class="admonition-title">Progress reset</p><p></p>`;
  box.lastChild.textContent = text;
  el.prepend(box);
}
