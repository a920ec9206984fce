// Controls: a slider and a number input bound to one line of a code cell, `lr = 0.05`. The HTML
// comes from macros/control.py, which checked that the cell exists and has that line. Moving
// the control rewrites the line (so the code shows the value that runs), then re-runs the cell
// once the reader pauses. The value lives in the code, kept with the reader's edits, and in the
// address (?lr=0.1) so a setting can be shared; the cell's Reset brings the default back.
import "./style.css";
import { codeOf, runCell, setCodeOf } from "../codecell/index.js";

export const name = "control";
export const selector = '[data-gl-component="control"]';

const PAUSE = 250; // ms after the last change: dragging or typing runs the cell once, not per step

export function mount(el) {
  const spec = JSON.parse(el.dataset.control);
  const cell = [...document.querySelectorAll('[data-gl-component="codecell"]')].find((other) => JSON.parse(other.dataset.cell).id === spec.cell);
  const slider = el.querySelector(".gl-control__slider");
  const number = el.querySelector(".gl-control__number");
  const status = el.querySelector(".gl-control__status");
  const line = new RegExp(spec.pattern, "m");
  const [min, max, step] = [Number(slider.min), Number(slider.max), Number(slider.step)];

  const literal = (value) => {
    if (spec.integer) return String(Math.round(value));
    const text = value.toFixed(spec.decimals); // a float stays a float: 1.0, 0.05
    return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, ".0") : `${text}.0`;
  };
  // The nearest value on the slider's grid, as the number its literal reads (no float dust).
  const snap = (value) => Number(literal(Math.min(max, Math.max(min, min + Math.round((value - min) / step) * step))));
  const inCode = () => {
    const found = codeOf(cell).match(line);
    return found ? Number(found[2]) : null;
  };
  const write = (value) => setCodeOf(cell, codeOf(cell).replace(line, (_, head) => head + literal(value)));

  // Shows `value` in both inputs and the address; the code is not touched.
  const show = (value) => {
    const text = literal(value);
    slider.value = text;
    slider.setAttribute("aria-valuetext", `${spec.name} = ${text}`);
    if (document.activeElement !== number || Number(number.value) !== value) number.value = text;
    const address = new URL(location.href);
    if (value === spec.default) address.searchParams.delete(spec.name);
    else address.searchParams.set(spec.name, text);
    if (address.href !== location.href) history.replaceState(history.state, "", address);
  };

  // Runs are queued here, latest value only: a change while the cell runs asks for one more run,
  // which reads the code as it is by then.
  let timer = 0;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    if (inCode() === null) return; // the reader removed the line meanwhile: choose() said so
    running = true;
    const value = `${spec.name} = ${literal(inCode())}`;
    status.textContent = `Running with ${value}…`;
    await runCell(cell);
    running = false;
    if (again) {
      again = false;
      run();
    } else status.textContent = `The output below is for ${value}.`;
  };

  const choose = (value) => {
    if (inCode() === null) {
      status.textContent = `The code no longer sets ${spec.name} = a number: press Reset on the cell to bring the line back.`;
      return;
    }
    show(value);
    write(value);
    clearTimeout(timer);
    timer = setTimeout(run, PAUSE);
  };

  slider.addEventListener("input", () => choose(Number(slider.value)));
  // While typing, only a whole value in range counts; leaving the field snaps what is there.
  number.addEventListener("input", () => {
    const value = number.valueAsNumber;
    if (Number.isFinite(value) && value >= min && value <= max && snap(value) === value) choose(value);
  });
  number.addEventListener("change", () => {
    const value = Number.isFinite(number.valueAsNumber) ? snap(number.valueAsNumber) : inCode() ?? spec.default;
    number.value = literal(value);
    if (value !== inCode()) choose(value);
  });
  // The reader's own edits and the cell's Reset move the control too (never a run of their own).
  const follow = ({ detail }) => {
    const found = detail.match(line);
    if (found && Number(found[2]) >= min && Number(found[2]) <= max) show(Number(found[2]));
  };
  cell.addEventListener("gl-cell-code", follow);

  // A shared address wins over the code; otherwise the code (with the reader's kept edits) says.
  const param = new URLSearchParams(location.search).get(spec.name)?.trim();
  const asked = param ? Number(param) : NaN;
  const start = Number.isFinite(asked) && asked >= min && asked <= max ? snap(asked) : inCode() ?? spec.default;
  if (inCode() !== null && start !== inCode()) write(start);
  show(start);
  el.querySelector(".gl-control__fixed").hidden = true;
  el.querySelector(".gl-control__inputs").hidden = false;
  return () => {
    clearTimeout(timer);
    cell.removeEventListener("gl-cell-code", follow);
  };
}
