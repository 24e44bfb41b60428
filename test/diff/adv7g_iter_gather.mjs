import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

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

const child = aio.coroutine(function* (name, n, result = null, exc = null) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
  print("  child", name, "ends");
  if (exc !== null) throw exc;
  return result;
});

function* ticks(n) { for (let i = 0; i < n; i++) yield* aio.sleep(0); }

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const tk = new Ticker(loop);
  const doneFut = (v) => { const f = loop.createFuture(); f.setResult(v); return f; };
  const failedFut = (e) => { const f = loop.createFuture(); f.setException(e); return f; };

  print("-- all children done already: iterations until the await returns");
  tk.start(5);
  let g = aio.gather(doneFut(1), doneFut(2), doneFut(1));
  print("g.done() at once", g.done());
  g.addDoneCallback(() => print("  g callback at tick", tk.n));
  print("res", yield* g, "at tick", tk.n);
  yield* ticks(4);

  print("-- the same done future three times, one failed future, return_exceptions");
  tk.start(5);
  const d = doneFut("d");
  const e = failedFut(new KeyError("k"));
  g = aio.gather(d, e, d, e, d, { returnExceptions: true });
  let res = yield* g;
  print("res", res, "at tick", tk.n, res[1] === res[3]);
  yield* ticks(4);

  print("-- a failed future first, pending children after: the gather fails at once");
  tk.start(6);
  const t1 = aio.createTask(child("t1", 2, "r1"));
  g = aio.gather(failedFut(new ValueError("early")), t1, t1);
  g.addDoneCallback(() => print("  g callback at tick", tk.n));
  try {
    yield* g;
  } catch (exc) {
    if (!(exc instanceof ValueError)) throw exc;
    print("raised", repr(exc), "at tick", tk.n, "t1 done", t1.done());
  }
  print("t1 result", yield* t1, "at tick", tk.n);
  yield* ticks(4);

  print("-- children finishing on different iterations, done callbacks interleaved");
  tk.start(8);
  const a = aio.createTask(child("a", 3, "A"));
  const b = aio.createTask(child("b", 1, "B"));
  a.addDoneCallback(() => print("  a user callback at tick", tk.n));
  g = aio.gather(a, b, a);
  b.addDoneCallback(() => print("  b user callback at tick", tk.n));
  g.addDoneCallback(() => print("  g callback at tick", tk.n));
  print("res", yield* g, "at tick", tk.n);
  yield* ticks(5);

  print("-- a coroutine child: the task gather makes starts on the next iteration");
  tk.start(5);
  g = aio.gather(child("c0", 0, "C0"), doneFut("F"), child("c1", 1, "C1"));
  print("res", yield* g, "at tick", tk.n);
  yield* ticks(4);

  print("-- two children fail on one iteration: the first in callback order wins");
  tk.start(6);
  const x = aio.createTask(child("x", 1, null, new ValueError("x")));
  const y = aio.createTask(child("y", 1, null, new KeyError("y")));
  try {
    yield* aio.gather(y, x);
  } catch (exc) {
    print("raised", repr(exc), "at tick", tk.n);
  }
  yield* aio.sleep(0);
  print("x", repr(x.exception()), "y", repr(y.exception()));
  yield* ticks(4);

  print("-- a nested gather of done futures inside a gather");
  tk.start(6);
  const inner = aio.gather(doneFut(1), doneFut(2));
  const outer = aio.gather(inner, doneFut(3), inner);
  inner.addDoneCallback(() => print("  inner callback at tick", tk.n));
  outer.addDoneCallback(() => print("  outer callback at tick", tk.n));
  print("res", yield* outer, "at tick", tk.n);
  yield* ticks(5);

  print("-- the loop still works");
  print(yield* aio.gather(aio.sleep(0, "s1"), aio.sleep(0.001, "s2")));
});
