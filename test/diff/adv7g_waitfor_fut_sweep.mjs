import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class Ticker {
  constructor(loop) { this.loop = loop; this.n = 0; this.left = 0; this.at = new Map(); }
  start(k) { this.n = 0; this.left = k; this.at = new Map(); this.loop.callSoon(() => this.tick()); }
  tick() {
    this.n += 1;
    const fn = this.at.get(this.n);
    if (fn !== undefined) fn();
    this.left -= 1;
    if (this.left > 0) this.loop.callSoon(() => this.tick());
  }
}

function* drain(n) { for (let i = 0; i < n; i++) yield* aio.sleep(0); }

function fstate(f) {
  if (!f.done()) return "pending";
  if (f.cancelled()) return "cancelled";
  return "result " + repr(f.result());
}

function blockFor(seconds) {
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) { /* block the loop */ }
}

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const tk = new Ticker(loop);

  const waiter = aio.coroutine(function* (f, to) {
    try {
      const r = yield* aio.waitFor(f, to);
      return "result " + repr(r);
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      return "TimeoutError";
    }
  });

  function* one(label, to, cancelAt, completeAt = null) {
    const f = loop.createFuture();
    const t = aio.createTask(waiter(f, to));
    tk.start(10);
    if (cancelAt !== null) tk.at.set(cancelAt, () => print("  tick", cancelAt, "cancel ->", t.cancel(`at ${cancelAt}`)));
    if (completeAt !== null) {
      const prev = tk.at.get(completeAt);
      tk.at.set(completeAt, () => {
        if (!f.done()) {
          f.setResult("F");
          print("  tick", completeAt, "future set");
        }
        if (prev) prev();
      });
    }
    let out;
    try {
      out = yield* t;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      out = "CancelledError " + repr(str(e));
    }
    print(label, "cancel at", cancelAt, "->", out, "| at tick", tk.n, "| future", fstate(f), "| cancelling", t.cancelling());
    yield* drain(10);
  }

  print("-- timeout 0, the task cancelled at each tick");
  for (const n of [null, 1, 2, 3, 4]) yield* one("to=0", 0, n);

  print("-- timeout 100, the future completed at tick 2, the task cancelled at each tick");
  for (const n of [null, 1, 2, 3, 4]) yield* one("to=100", 100, n, 2);

  print("-- no timeout, the future completed at tick 2, the task cancelled at each tick");
  for (const n of [null, 1, 2, 3]) yield* one("to=None", null, n, 2);

  print("-- completion and cancellation in one callback");
  for (const to of [null, 100]) {
    for (const order of ["set then cancel", "cancel then set"]) {
      const f = loop.createFuture();
      const t = aio.createTask(waiter(f, to));
      yield* aio.sleep(0);
      loop.callSoon(() => {
        if (order === "set then cancel") {
          f.setResult("F");
          print("  cancel ->", t.cancel("both"));
        } else {
          print("  cancel ->", t.cancel("both"), "future done", f.done());
          if (!f.done()) f.setResult("F");
        }
      });
      let out;
      try {
        out = yield* t;
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        out = "CancelledError " + repr(str(e));
      }
      print(to, order, "->", out, "| future", fstate(f), "| cancelling", t.cancelling());
    }
  }

  print("-- the loop blocked past the timeout, the future completed meanwhile");
  const f = loop.createFuture();
  const t = aio.createTask(waiter(f, 0.1));
  yield* aio.sleep(0);
  loop.callSoon(() => {
    blockFor(0.35);
    f.setResult("blocked");
  });
  print("blocked ->", yield* t, "| future", fstate(f));

  print("-- the loop still works");
  print(yield* aio.waitFor(aio.sleep(0, "fine"), 0.5));
});
