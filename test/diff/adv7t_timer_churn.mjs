import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Timer churn with a deterministic pseudo-random generator (MINSTD, the same in both languages):
// hundreds of timers with distinct past deadlines (due at once) scheduled in random order, many
// cancelled before the run, and timers that, when they run, cancel random others (already run,
// pending in the same batch, never due) and schedule new ones (they fire in the next iteration,
// in deadline order). Per iteration the firing order must be deadline order, nothing cancelled
// runs, and cancelled()/when() agree afterwards. Then the same with 2000 future deadlines
// (2 microseconds to half a second apart) made due together by a blocking callback.
const loop = aio.newEventLoop();
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }
let x = 20261207;
function rand(n) {
  x = (x * 48271) % 2147483647;
  return x % n;
}
const used = new Set();
const BASE = { t: -1000.0, span: 10000000, unit: 1e-4 };
function deadline() {
  for (;;) {
    const v = rand(BASE.span);
    if (!used.has(v)) {
      used.add(v);
      return BASE.t + v * BASE.unit;
    }
  }
}
const H = [];
const fired = [];
let iteration = 0;
function tick() {
  iteration += 1;
  if (iteration < 12) loop.callSoon(tick);
  else loop.stop();
}
function plain(i) {
  fired.push([iteration, i]);
}
function chaotic(i) {
  fired.push([iteration, i]);
  for (let k = 0; k < 3; k++) H[rand(H.length)].cancel();
  if (rand(3) === 0) H[i].cancel(); // itself, while running
  for (let k = rand(3); k > 0; k--) {
    const j = H.length;
    H.push(loop.callAt(deadline(), rand(2) ? plain : chaotic, j));
  }
}

function report(full) {
  print("scheduled in all", H.length, "fired", fired.length);
  const byIter = new Map();
  for (const [it, i] of fired) {
    if (!byIter.has(it)) byIter.set(it, []);
    byIter.get(it).push(i);
  }
  for (const it of [...byIter.keys()].sort((a, b) => a - b)) {
    const ids = byIter.get(it);
    const whens = ids.map((i) => H[i].when());
    const sorted = [...whens].sort((a, b) => a - b);
    const checksum = ids.reduce((acc, i, k) => acc + (k + 1) * i, 0) % 1000003;
    print("iteration", it, "fired", ids.length, "deadline order", whens.every((w, k) => w === sorted[k]), "checksum", checksum);
    for (let k = 0; k < (full ? ids.length : Math.min(ids.length, 40)); k += 20) print("  ", ids.slice(k, k + 20));
  }
  const firedIds = new Set(fired.map(([, i]) => i));
  print("cancelled before the run and fired:", [...preCancelled].filter((i) => firedIds.has(i)).sort((a, b) => a - b));
  print("fired twice:", fired.length - firedIds.size);
  print("never fired and not cancelled:", H.flatMap((h, i) => (!firedIds.has(i) && !h.cancelled() ? [i] : [])).slice(0, 50));
  print("cancelled now:", H.filter((h) => h.cancelled()).length);
  for (const h of H) h.cancel();
}

print("-- past deadlines");
for (let i = 0; i < 300; i++) H.push(loop.callAt(deadline(), rand(4) === 0 ? chaotic : plain, i));
for (let i = 0; i < 40; i++) H.push(loop.callAt(1e6 + i, plain, H.length));
for (let k = 0; k < 120; k++) H[rand(H.length)].cancel();
let preCancelled = new Set(H.flatMap((h, i) => (h.cancelled() ? [i] : [])));
print("scheduled", H.length, "cancelled before the run", preCancelled.size);
loop.callSoon(tick);
await loop.runForever();
report(true);

print("-- future deadlines made due together");
H.length = 0;
fired.length = 0;
used.clear();
iteration = 0;
Object.assign(BASE, { t: loop.time() + 0.3, span: 250000, unit: 2e-6 });
for (let i = 0; i < 2000; i++) H.push(loop.callAt(deadline(), rand(4) === 0 ? chaotic : plain, i));
Object.assign(BASE, { t: -1000.0, span: 10000000, unit: 1e-4 }); // what the chaotic ones schedule: past deadlines
used.clear();
for (let k = 0; k < 700; k++) H[rand(H.length)].cancel();
preCancelled = new Set(H.flatMap((h, i) => (h.cancelled() ? [i] : [])));
print("scheduled", H.length, "cancelled before the run", preCancelled.size);
loop.callSoon(block, 1.2);
loop.callLater(0.9, tick);
await loop.runForever();
report(false);
loop.close();
