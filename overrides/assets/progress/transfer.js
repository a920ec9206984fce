// Progress as a file: export it to keep or move it, import it back after checking it.
import { migrate } from "./store.js";

const FORMAT = "gradlab-progress";

export function download(state, now = new Date()) {
  const file = { format: FORMAT, exportedAt: now.toISOString(), progress: state };
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: "application/json" }));
  link.download = `gradlab-progress-${now.toISOString().slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

// The progress held in an exported file's text; throws an Error that says what is wrong.
export function parse(text) {
  let file;
  try {
    file = JSON.parse(text);
  } catch {
    throw new Error("it is not a JSON file");
  }
  if (file?.format !== FORMAT) throw new Error("it is not a Gradlab progress export");
  const state = migrate(file.progress);
  if (!state) throw new Error("its progress data is damaged or comes from a newer version of Gradlab");
  return state;
}
