import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class Ticker {
  constructor(loop) { this.loop = loop; this.n = 0; this.left = 0; this.at = new Map(); }
  start(k) { this.n = 0; this.left = k; this.at = new Map(); this.loop.callSoon(() => this.tick()); }
  tick() {
    this.n += 1;
    for (const fn of this.at.get(this.n) ?? []) fn();
    this.left -= 1;
    if (this.left > 0) this.loop.callSoon(() => this.tick());
  }
  add(n, fn) {
    if (!this.at.has(n)) this.at.set(n, []);
    this.at.get(n).push(fn);
  }
}

function* drain(n) { for (let i = 0; i < n; i++) yield* aio.sleep(0); }

function fstate(f) {
  if (!f.done()) return "pending";
  if (f.cancelled()) return "cancelled";
  return "result " + repr(f.result());
}

const first = aio.coroutine(function* (it) {
  for (const aw of it) return yield* aw;
});

const waitMode = aio.coroutine(function* (f, mode, timeout = null) {
  const [d, p] = yield* aio.wait([f], { returnWhen: mode, timeout });
  return `wait done ${d.size} pending ${p.size}`;
});

const COMBOS = [
  ["gather", (f) => aio.gather(f)],
  ["gather rx", (f) => aio.gather(f, { returnExceptions: true })],
  ["gather nested", (f) => aio.gather(aio.gather(f))],
  ["wait ALL", (f) => waitMode(f, aio.ALL_COMPLETED)],
  ["wait FIRST", (f) => waitMode(f, aio.FIRST_COMPLETED)],
  ["wait EXC", (f) => waitMode(f, aio.FIRST_EXCEPTION)],
  ["wait 0", (f) => waitMode(f, aio.ALL_COMPLETED, 0)],
  ["shield", (f) => aio.shield(f)],
  ["shield x2", (f) => aio.shield(aio.shield(f))],
  ["as_completed", (f) => first(aio.asCompleted([f]))],
];

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const tk = new Ticker(loop);

  const holder = aio.coroutine(function* (f, combo) {
    return yield* combo(f);
  });

  for (const [cname, combo] of COMBOS) {
    print("--", cname);
    for (const n of [null, 1, 2, 3, 4]) {
      const f = loop.createFuture();
      const t = aio.createTask(holder(f, combo));
      tk.start(10);
      tk.add(2, () => {
        if (!f.done()) {
          f.setResult("F");
          print("  tick 2 future set");
        }
      });
      if (n !== null) tk.add(n, () => print("  tick", n, "cancel ->", t.cancel(`at ${n}`)));
      let out;
      try {
        out = yield* t;
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        out = "CancelledError " + repr(str(e));
      }
      print(cname, "cancel at", n, "->", out, "| at tick", tk.n, "| future", fstate(f), "| cancelling", t.cancelling());
      yield* drain(10);
    }
  }

  print("-- the loop still works");
  print(yield* aio.gather(aio.sleep(0, "fine")));
});
