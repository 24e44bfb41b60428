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

const work = aio.coroutine(async function (name, n, result = null, exc = null) {
  try {
    for (let i = 0; i < n; i++) await aio.sleep(0);
  } catch (e) {
    if (e instanceof aio.CancelledError) print("  work", name, "cancelled", repr(str(e)));
    throw e;
  }
  print("  work", name, "ends");
  if (exc !== null) throw exc;
  return result;
});

function state(f) {
  if (!f.done()) return "pending";
  if (f.cancelled()) return "cancelled";
  if (f.exception() !== null) return "exception " + repr(f.exception());
  return "result " + repr(f.result());
}

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const tk = new Ticker(loop);

  print("-- a chain of three shields over a future set later: iterations per layer");
  let f = loop.createFuture();
  let s1 = aio.shield(f);
  let s2 = aio.shield(s1);
  let s3 = aio.shield(s2);
  for (const [name, x] of [["f", f], ["s1", s1], ["s2", s2], ["s3", s3]]) {
    x.addDoneCallback(() => print("  done:", name, "at tick", tk.n));
  }
  tk.start(6);
  loop.callSoon((v) => f.setResult(v), "F");
  print("s3 ->", yield* s3, "at tick", tk.n);
  yield* drain(6);

  print("-- cancel each layer of a chain in turn; the rest survive");
  f = loop.createFuture();
  s1 = aio.shield(f);
  s2 = aio.shield(s1);
  s3 = aio.shield(s2);
  print("cancel s2", s2.cancel("s2 msg"), "s3", state(s3), "s1", state(s1));
  yield* aio.sleep(0);
  print("after a tick: s3", state(s3), "s2", state(s2), "s1", state(s1), "f", state(f));
  print("cancel s3 again", s3.cancel());
  f.setResult("late");
  yield* drain(3);
  print("s1", state(s1), "s2", state(s2), "s3", state(s3));

  print("-- a chain whose innermost future is cancelled: every layer ends cancelled");
  f = loop.createFuture();
  s1 = aio.shield(f);
  s3 = aio.shield(aio.shield(s1));
  tk.start(5);
  loop.callSoon((m) => f.cancel(m), "inner msg");
  try {
    yield* s3;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("s3 CancelledError", repr(str(e)), "at tick", tk.n);
  }
  yield* drain(5);

  print("-- a chain whose innermost future fails: every layer carries the same exception");
  f = loop.createFuture();
  s1 = aio.shield(f);
  s2 = aio.shield(s1);
  f.setException(new KeyError("k"));
  try {
    yield* s2;
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("s2 raised", repr(e), e === f.exception(), s1.exception() === f.exception());
  }

  print("-- the awaiting task is cancelled at the outer shield: inner work keeps going");
  let t = aio.createTask(work("w1", 3, "W1"));
  const waiter = aio.coroutine(function* () {
    return yield* aio.shield(aio.shield(t));
  });
  const w = aio.createTask(waiter());
  tk.start(7);
  yield* aio.sleep(0);
  w.cancel("waiter msg");
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("waiter CancelledError", repr(str(e)), "at tick", tk.n);
  }
  print("t ->", yield* t, "at tick", tk.n);
  yield* drain(6);

  print("-- shield of a gather: a child fails");
  let a = aio.createTask(work("a", 1, null, new ValueError("a")));
  const b = aio.createTask(work("b", 3, "B"));
  let g = aio.gather(a, b);
  let sh = aio.shield(g);
  tk.start(6);
  try {
    yield* sh;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("shield raised", repr(e), "at tick", tk.n, "g", state(g), "b", state(b));
  }
  print("b ->", yield* b);
  yield* drain(4);

  print("-- shield of a gather, the shield is cancelled: the gather and children go on");
  a = aio.createTask(work("c", 2, "C"));
  g = aio.gather(a, work("d", 1, "D"));
  sh = aio.shield(g);
  tk.start(6);
  yield* aio.sleep(0);
  print("cancel shield", sh.cancel("sh msg"));
  try {
    yield* sh;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("shield CancelledError", repr(str(e)), "at tick", tk.n, "g", state(g));
  }
  print("g ->", yield* g, "at tick", tk.n);
  yield* drain(5);

  print("-- shield of a gather, the gather is cancelled: the shield reports it");
  g = aio.gather(work("e", 5, "E"), work("f", 5, "F"));
  sh = aio.shield(g);
  sh.addDoneCallback((f) => print("  shield done at tick", tk.n, state(f)));
  tk.start(6);
  yield* aio.sleep(0);
  print("cancel gather", g.cancel("g msg"));
  try {
    yield* sh;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("shield CancelledError", repr(str(e)), "at tick", tk.n, "g", state(g));
  }
  yield* drain(5);

  print("-- shield of a done gather and of a gather of done futures");
  g = aio.gather();
  print("empty gather shield ->", yield* aio.shield(g));
  const d = loop.createFuture();
  d.setResult(1);
  g = aio.gather(d, d);
  sh = aio.shield(g);
  tk.start(4);
  print("shield ->", yield* sh, "at tick", tk.n);
  yield* drain(4);

  print("-- gather of shields of the same task, one shield cancelled");
  t = aio.createTask(work("g", 2, "G"));
  s1 = aio.shield(t); s2 = aio.shield(t);
  s1.cancel();
  const res = yield* aio.gather(s1, s2, t, { returnExceptions: true });
  print("res", res[0].name, repr(str(res[0])), res.slice(1));

  print("-- the loop still works");
  print(yield* aio.shield(aio.sleep(0, "ok")));
});
