// A reader's edits to a code cell, kept in progress.code so they survive a reload. An edit is
// kept with the code it was made to: once the author changes that cell, the old edit would sit
// on top of different code, so it is dropped instead of restored.
import * as store from "../progress/store.js";

const PAUSE = 400; // ms: typing is saved when it pauses, not on every key

// The edit saved for this cell, or null.
export function restore(key, authored) {
  const saved = store.read().code[key];
  return saved?.authored === authored && typeof saved.text === "string" ? saved.text : null;
}

// Returns { change(text), stop() }: change on every edit; stop (the cell is leaving) saves what
// is pending. Leaving the tab saves too, so a reload right after typing keeps the last keys.
export function keeper(key, authored) {
  let pending = null;
  let timer = 0;
  const save = () => {
    clearTimeout(timer);
    if (pending === null) return;
    const text = pending;
    pending = null;
    if (text === authored && !(key in store.read().code)) return; // nothing was kept: write nothing
    store.update((state) => {
      if (text === authored) delete state.code[key];
      else state.code[key] = { authored, text };
    });
  };
  addEventListener("pagehide", save);
  return {
    change(text) {
      pending = text;
      clearTimeout(timer);
      timer = setTimeout(save, PAUSE);
    },
    stop() {
      save();
      removeEventListener("pagehide", save);
    },
  };
}
