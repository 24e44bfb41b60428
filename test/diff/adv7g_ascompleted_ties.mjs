import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m ?? ""); this.name = "KeyError"; } }

class Ticker {
  constructor(loop) { this.loop = loop; this.n = 0; this.left = 0; }
  start(k) { this.n = 0; this.left = k; this.loop.callSoon(() => this.tick()); }
  tick() {
    this.n += 1;
    print("  tick", this.n);
    this.left -= 1;
    if (this.left > 0) this.loop.callSoon(() => this.tick());
  }
}

function* drain(n) { for (let i = 0; i < n; i++) yield* aio.sleep(0); }

function* consume(label, it, tk) {
  let i = 0;
  for (const aw of it) {
    i += 1;
    try {
      const r = yield* aw;
      print(label, i, "->", repr(r), "at tick", tk.n);
    } catch (e) {
      if (e instanceof aio.TimeoutError) print(label, i, "-> TimeoutError", repr(str(e)), "at tick", tk.n);
      else if (e instanceof aio.CancelledError) print(label, i, "-> CancelledError", repr(str(e)), "at tick", tk.n);
      else print(label, i, "->", repr(e), "at tick", tk.n);
    }
  }
}

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const tk = new Ticker(loop);
  const futs = (n) => Array.from({ length: n }, () => loop.createFuture());
  const setter = (f) => (v) => f.setResult(v);

  print("-- five futures completed in one callback, in reverse order");
  let fs = futs(5);
  loop.callSoon(() => { for (let i = 4; i >= 0; i--) fs[i].setResult("r" + i); });
  tk.start(8);
  yield* consume("rev", aio.asCompleted(fs), tk);
  yield* drain(8);

  print("-- ties mixing results, exceptions and a cancellation; duplicates in the input");
  fs = futs(4);
  loop.callSoon(() => {
    fs[2].setException(new KeyError("two"));
    fs[0].cancel("zero msg");
    fs[3].setResult("three");
    fs[1].setException(new ValueError("one"));
  });
  tk.start(8);
  yield* consume("mix", aio.asCompleted([fs[0], fs[1], fs[0], fs[2], fs[3], fs[3]]), tk);
  yield* drain(8);

  print("-- completions on successive iterations, consumer slower than producers");
  fs = futs(3);
  loop.callSoon(setter(fs[1]), "b");
  loop.callSoon(() => loop.callSoon(setter(fs[2]), "c"));
  loop.callSoon(() => loop.callSoon(() => loop.callSoon(setter(fs[0]), "a")));
  tk.start(10);
  let i = 0;
  for (const aw of aio.asCompleted(fs)) {
    yield* drain(2);
    i += 1;
    print("slow", i, "->", yield* aw, "at tick", tk.n);
  }
  yield* drain(8);

  print("-- a timeout mid-way: deadlines far apart");
  fs = futs(4);
  const t0 = loop.time();
  loop.callAt(t0 + 0.0, setter(fs[2]), "early");
  loop.callAt(t0 + 0.15, setter(fs[0]), "early too");
  const h = loop.callAt(t0 + 5.0, setter(fs[1]), "never");
  const it = aio.asCompleted(fs, { timeout: 0.45 });
  const got = [];
  for (const aw of it) {
    try {
      const r = yield* aw;
      got.push(r);
      print("to ->", repr(r));
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("to -> TimeoutError", "pending", fs.map((f) => f.done()));
    }
  }
  h.cancel();
  print("got", got, "cancelled any", fs.some((f) => f.cancelled()));
  fs[1].setResult("after");
  fs[3].setResult("after");
  yield* drain(2);
  print("loop fine after the timeout");

  print("-- zero and negative timeouts over a done future and a pending one");
  for (const to of [0, -1]) {
    const d = loop.createFuture();
    d.setResult("done");
    const p = loop.createFuture();
    tk.start(4);
    yield* consume("t" + to, aio.asCompleted([d, p], { timeout: to }), tk);
    yield* drain(4);
    print("p done", p.done());
  }

  print("-- zero timeout, everything pending: every await times out, one iteration");
  fs = futs(3);
  tk.start(4);
  yield* consume("allpend", aio.asCompleted(fs, { timeout: 0 }), tk);
  yield* drain(4);

  print("-- awaiting the yielded awaitables out of order");
  fs = futs(3);
  const its = [...aio.asCompleted(fs)];
  tk.start(6);
  loop.callSoon(setter(fs[0]), "x");
  loop.callSoon(setter(fs[1]), "y");
  print("third first ->", yield* its[2], "at tick", tk.n);
  loop.callSoon(setter(fs[2]), "z");
  print("first ->", yield* its[0], "at tick", tk.n);
  print("second ->", yield* its[1], "at tick", tk.n);
  yield* drain(6);

  print("-- tasks finishing on one iteration, created in one order, finishing in another");
  const job = aio.coroutine(function* (name, n) {
    for (let i = 0; i < n; i++) yield* aio.sleep(0);
    return name;
  });
  const ts = [0, 1, 2].map((i) => aio.createTask(job("j" + i, 2)));
  ts.reverse();
  tk.start(6);
  yield* consume("jobs", aio.asCompleted(ts), tk);
  yield* drain(6);
});
