// The opt-in countdown of a challenge (WCAG 2.2.1: it can be paused, extended and switched off).
// One clock per challenge follows the problem the reader works on; each problem keeps its own
// time left. Screen readers hear only milestones, never every second.
//
// "Works on" means opened: the reader clicked or tabbed into the problem. Being on screen is not
// enough: two short problems share the screen, and scrolling past one is not trying it, so a
// clock that started on sight could cost an attempt on a problem never read. A problem's clock
// therefore starts at its first click or focus, stops when the reader opens another one or the
// problem is done, and never moves on by itself: time cannot run out on a problem not opened.
const MILESTONES = [
  [60, "1 minute left"],
  [10, "10 seconds left"],
];
const TICK = 250;
const STARTS = "A problem's clock starts when you click or tab into it.";

const clock = (ms) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

function button(text, label) {
  const el = document.createElement("button");
  el.type = "button";
  el.className = "md-button gl-challenge__timer-button";
  el.textContent = text;
  if (label) el.setAttribute("aria-label", label);
  return el;
}

export function createTimer(el, problems, announce) {
  const optIn = document.createElement("p");
  optIn.className = "gl-challenge__timed";
  const note = `${el.id}-timed-note`;
  optIn.innerHTML =
    `<label><input type="checkbox" aria-describedby="${note}"> Test your skills under time pressure</label>` +
    ` <span class="gl-challenge__timed-note" id="${note}">${STARTS}</span>`;
  const toggle = optIn.querySelector("input");
  el.querySelector(".gl-challenge__meta").after(optIn);

  const ui = document.createElement("div");
  ui.className = "gl-challenge__timer";
  const display = document.createElement("p");
  display.className = "gl-challenge__timer-display";
  display.setAttribute("role", "timer"); // implicitly aria-live="off": no per-second chatter
  const bar = document.createElement("div");
  bar.className = "gl-challenge__timer-bar";
  bar.setAttribute("aria-hidden", "true");
  bar.append(document.createElement("div"));
  const pause = button("Pause timer");
  const extend = button("+1:00", "+1:00: add one minute");
  const off = button("Switch timer off");
  const controls = document.createElement("div");
  controls.className = "gl-challenge__timer-controls";
  controls.append(pause, extend, off);
  ui.append(display, bar, controls);

  const left = new Map(); // problem -> ms left when it was last active
  let active = null;
  let remaining = 0; // ms left when paused or when the current run started
  let deadline = 0;
  let paused = false;
  let held = null; // the problem whose checks are running: its clock waits for them
  let interval = null;

  const now = () => (interval ? deadline - Date.now() : remaining);

  function render() {
    const ms = now();
    display.textContent = `${active.title}: ${clock(ms)} left${paused ? " (paused)" : ""}`;
    bar.firstChild.style.transform = `scaleX(${Math.min(1, Math.max(0, ms) / (active.timeLimit * 1000))})`;
    ui.classList.toggle("gl-challenge__timer--low", ms <= 10_000);
  }

  function start() {
    if (interval || paused || !active || held === active) return;
    deadline = Date.now() + remaining;
    interval = setInterval(tick, TICK);
  }

  function stop() {
    if (!interval) return;
    remaining = deadline - Date.now();
    clearInterval(interval);
    interval = null;
  }

  function tick() {
    const before = remaining;
    remaining = deadline - Date.now();
    for (const [seconds, words] of MILESTONES) {
      if (before > seconds * 1000 && remaining <= seconds * 1000 && remaining > 0) announce(`${active.title}: ${words}.`);
    }
    if (remaining > 0) return render();
    stop();
    const timedOut = active;
    if (!timedOut.timeUp()) {
      // Attempts remain: a fresh clock for the next try (the problem announced the lost attempt).
      remaining = timedOut.timeLimit * 1000;
      start();
      render();
    }
  }

  // Moves the clock to problem `p` (null: none). The clock's box appearing above what the reader
  // pressed, or leaving a problem above it, would move that element under the pointer between
  // press and release, and the click would miss: the page scrolls by as much, so `anchor` (the
  // element pressed or focused) stays where it was on screen.
  function activate(p, anchor = null) {
    if (p === active) return;
    const top = anchor?.getBoundingClientRect().top;
    if (active) {
      stop();
      left.set(active, remaining);
    }
    active = p;
    if (!p) ui.remove();
    else {
      remaining = left.get(p) ?? p.timeLimit * 1000;
      p.li.querySelector(".gl-challenge__tags").after(ui);
      start();
      render();
    }
    if (anchor) scrollBy(0, anchor.getBoundingClientRect().top - top);
  }

  function switchOn() {
    paused = false;
    pause.textContent = "Pause timer";
    announce(`Timer on. ${STARTS}`);
  }

  function switchOff() {
    activate(null);
    left.clear();
    announce("Timer off.");
  }

  toggle.addEventListener("change", () => (toggle.checked ? switchOn() : switchOff()));
  pause.addEventListener("click", () => {
    paused = !paused;
    if (paused) stop();
    else start();
    pause.textContent = paused ? "Resume timer" : "Pause timer";
    render();
  });
  extend.addEventListener("click", () => {
    if (interval) deadline += 60_000;
    else remaining += 60_000;
    render();
    announce(`One minute added: ${clock(now())} left.`);
  });
  off.addEventListener("click", () => {
    toggle.checked = false;
    switchOff();
    toggle.focus();
  });
  // The clock follows the reader to the problem they open (a click on its text moves no focus).
  const open = (event) => {
    if (!toggle.checked || ui.contains(event.target)) return;
    const p = problems.find((q) => q.li.contains(event.target));
    if (p && !p.done) activate(p, event.target);
  };
  el.addEventListener("focusin", open);
  el.addEventListener("click", open);

  if (el.dataset.timedDefault === "true") {
    toggle.checked = true;
    switchOn();
  }

  return {
    // A problem was finished: its clock stops, and the next starts only when it is opened.
    next() {
      if (active?.done) activate(null, el.contains(document.activeElement) ? document.activeElement : null);
    },
    // Try again: every problem's clock is full again, waiting to be opened.
    restart() {
      activate(null);
      left.clear();
    },
    // A problem's checks run (on) or are over (off): its clock waits meanwhile.
    hold(p, on) {
      held = on ? p : null;
      if (p !== active) return;
      if (on) stop();
      else start();
      render();
    },
    // The page is being left: no interval may keep the old page alive.
    stop,
  };
}
