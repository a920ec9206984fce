// CodeMirror 6 for code cells. This module is imported dynamically by ./index.js, so CodeMirror
// is one chunk, downloaded once and only by pages that have cells.
import { defaultKeymap, deleteCharBackward, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { HighlightStyle, bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { EditorState, StateEffect, StateField, Transaction } from "@codemirror/state";
import { Decoration, EditorView, drawSelection, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";

// The colours of the site's static code blocks (Material's variables, made AA-contrast in
// base.css), so an editable cell looks like the rest of the page in both colour schemes.
const colours = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword], color: "var(--md-code-hl-keyword-color)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--md-code-hl-string-color)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--md-code-hl-number-color)" },
  { tag: [tags.comment], color: "var(--md-code-hl-comment-color)", fontStyle: "italic" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--md-code-hl-function-color)" },
  { tag: [tags.definition(tags.variableName), tags.className], color: "var(--md-code-hl-name-color)" },
  { tag: [tags.operator, tags.punctuation, tags.bracket], color: "var(--md-code-hl-operator-color)" },
  { tag: [tags.self, tags.standard(tags.variableName)], color: "var(--md-code-hl-constant-color)" },
]);

const markError = StateEffect.define();
const errorLine = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(markError)) {
        marks = effect.value === null ? Decoration.none : Decoration.set([Decoration.line({ class: "gl-cell__error-line" }).range(effect.value)]);
      }
    }
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

// Tab as CodeMirror's accessibility guidance has it: a reader who arrives in the editor (walking
// the page with Tab) moves on with Tab, so a page of cells is no keyboard trap; once they type or
// click in the code, Tab indents, and Escape then Tab (CodeMirror's own escape) leaves. A hint
// under the editor, shown while it has focus and read as its description, says so.
const TAB_HINT = ["Tab", " moves on until you type or click in the code; then it indents, and ", "Esc", " then ", "Tab", " leaves."];
let hints = 0;

function tabHint() {
  const hint = document.createElement("p");
  hint.className = "gl-cell__keys";
  hint.id = `gl-cell-keys-${++hints}`;
  TAB_HINT.forEach((text, index) => {
    if (index % 2) hint.append(text);
    else hint.append(Object.assign(document.createElement("kbd"), { textContent: text }));
  });
  return hint;
}

function tabMoves(state) {
  return [
    EditorView.domEventHandlers({
      pointerdown(_event, view) {
        state.pointer = true; // a focus that a click brings is a start of editing
        view.setTabFocusMode(false);
      },
      focus(_event, view) {
        view.setTabFocusMode(!state.pointer);
        state.pointer = false;
      },
    }),
    // Reset's change carries no user event: only the reader's own edits count.
    EditorView.updateListener.of((update) => {
      if (update.transactions.some((tr) => tr.docChanged && tr.annotation(Transaction.userEvent))) update.view.setTabFocusMode(false);
    }),
  ];
}

// Returns {view, getCode, setCode, markLine(lineNumber | null), focus(click?), replay(typed)}.
// `onChange(code)` hears every edit, Reset's included. `onRun` is bound to Shift+Enter (and Ctrl/Cmd+Enter).
export function createEditor(parent, { code, label, onRun, onChange }) {
  const run = () => {
    onRun();
    return true;
  };
  const hint = tabHint();
  const tabs = { pointer: false };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        indentUnit.of("    "),
        python(),
        syntaxHighlighting(colours),
        EditorView.lineWrapping, // no horizontal scroller: a scrollable region needs its own tab stop
        keymap.of([{ key: "Shift-Enter", run }, { key: "Mod-Enter", run }, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        tabMoves(tabs),
        errorLine,
        EditorView.contentAttributes.of({ "aria-label": label, "aria-describedby": hint.id }),
        EditorView.updateListener.of((update) => update.docChanged && onChange?.(update.state.doc.toString())),
      ],
    }),
  });
  parent.append(hint); // after the editor, where the eye goes next
  return {
    view,
    getCode: () => view.state.doc.toString(),
    setCode(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    // Focus handed over from the code the editor replaced; a click on that code (its viewport
    // point) starts editing there, as a click in the editor does.
    focus(click) {
      if (click) {
        tabs.pointer = true;
        const at = view.posAtCoords(click);
        if (at !== null) view.dispatch({ selection: { anchor: at } });
      }
      view.focus();
    },
    // What the reader typed on the code this editor replaced while it loaded (index.js keeps it),
    // typed here in order at the caret: a string is inserted, null is a Backspace. It carries
    // user events, as their own typing would, so it starts editing (Tab then indents).
    replay(typed) {
      for (const text of typed) {
        if (text === null) deleteCharBackward(view);
        else view.dispatch(view.state.replaceSelection(text), { userEvent: "input.type", scrollIntoView: true });
      }
    },
    markLine(number) {
      const line = number && number <= view.state.doc.lines ? view.state.doc.line(number).from : null;
      view.dispatch({ effects: markError.of(line) });
    },
  };
}
