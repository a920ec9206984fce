// Draws TeX with KaTeX for the build (macros/katex.py): one process per build reads one JSON
// array of [tex, display] pairs per line and answers one JSON line: {html: [...]} in the same
// order, or {error} naming the first formula KaTeX refuses.
const katex = require("katex");
const readline = require("node:readline");

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  let answer;
  try {
    answer = { html: JSON.parse(line).map(([tex, display]) => render(tex, display)) };
  } catch (error) {
    answer = { error: error.message };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});

function render(tex, display) {
  try {
    return katex.renderToString(tex, { displayMode: display, throwOnError: true });
  } catch (error) {
    throw new Error(`${error.message} in ${display ? "\\[" : "\\("}${tex}${display ? "\\]" : "\\)"}`);
  }
}
