// The order a learner sees a question's options in: a shuffle seeded by the learner's id and the
// question's key, so it is the same on every visit and differs from one learner to the next
// without being stored. Pure, so Node tests it alone.

// [0 .. count-1] in this learner's order for this question.
export function optionOrder(learner, question, count) {
  const random = generator(hash(`${learner}\n${question}`));
  const order = Array.from({ length: count }, (_, n) => n);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1)); // Fisher–Yates: every order equally likely
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

// FNV-1a: a string to 32 bits, spread well enough that near-identical ids seed unrelated orders.
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// mulberry32: a small seeded generator of floats in [0, 1).
function generator(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
