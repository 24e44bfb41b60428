import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

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

async function drain(n) { for (let i = 0; i < n; i++) await aio.sleep(0); }

function state(f) {
  if (!f.done()) return "pending";
  if (f.cancelled()) return "cancelled";
  const e = f.exception();
  if (e !== null) return `exc ${e.name}(${repr(str(e))})`;
  return "result " + repr(f.result());
}

function showRes(res) {
  return res.map((x) => (x instanceof Error ? `${x.name}(${repr(str(x))})` : Array.isArray(x) ? showRes(x) : x));
}

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  const tk = new Ticker(loop);

  const work = aio.coroutine(async function (name, n, result = null) {
    try {
      for (let i = 0; i < n; i++) await aio.sleep(0);
    } catch (e) {
      if (e instanceof aio.CancelledError) print("  work", name, "cancelled at tick", tk.n, repr(str(e)));
      throw e;
    }
    print("  work", name, "ends at tick", tk.n);
    return result;
  });

  async function attempt(label, aw) {
    try {
      const r = await aw;
      print(label, "->", Array.isArray(r) ? showRes(r) : r, "at tick", tk.n);
    } catch (e) {
      if (e instanceof aio.CancelledError) print(label, "-> CancelledError", repr(str(e)), "at tick", tk.n);
      else print(label, "->", e.name, repr(str(e)), "at tick", tk.n);
    }
  }

  print("-- the outer gather is cancelled with a message");
  let i1 = aio.gather(work("a", 5), work("b", 5));
  let i2 = aio.gather(work("c", 5));
  let outer = aio.gather(i1, i2);
  tk.start(5);
  await aio.sleep(0);
  print("cancel outer", outer.cancel("outer msg"));
  await attempt("outer", outer);
  print("i1", state(i1), "i2", state(i2), "outer", state(outer));
  await drain(5);

  print("-- one inner gather is cancelled: the outer fails with CancelledError, the sibling goes on");
  i1 = aio.gather(work("d", 5));
  i2 = aio.gather(work("e", 2, "E"));
  outer = aio.gather(i1, i2);
  tk.start(6);
  await aio.sleep(0);
  print("cancel i1", i1.cancel("i1 msg"));
  await attempt("outer", outer);
  print("i1", state(i1), "i2", state(i2), "outer", state(outer));
  await attempt("i2", i2);
  await drain(5);

  print("-- the same, outer with return_exceptions");
  i1 = aio.gather(work("f", 5));
  i2 = aio.gather(work("g", 1, "G"));
  outer = aio.gather(i1, i2, { returnExceptions: true });
  tk.start(6);
  await aio.sleep(0);
  print("cancel i1", i1.cancel("i1 msg"));
  await attempt("outer rx", outer);
  print("i1", state(i1), "outer", showRes(outer.result()));
  await drain(5);

  print("-- a child cancels the gather that holds it");
  const holder = {};
  const traitor = aio.coroutine(async function () {
    await aio.sleep(0);
    print("  traitor cancels the gather at tick", tk.n, holder.g.cancel("from inside"));
    try {
      await aio.sleep(0);
    } catch (e) {
      if (e instanceof aio.CancelledError) print("  traitor cancelled at its next await", repr(str(e)));
      throw e;
    }
  });
  holder.g = aio.gather(traitor(), work("h", 5));
  outer = aio.gather(holder.g, work("i", 1, "I"));
  tk.start(6);
  await attempt("outer", outer);
  print("inner", state(holder.g), "outer", state(outer));
  await drain(6);

  print("-- a child cancels itself: inner gather without, outer with return_exceptions");
  const quitter = aio.coroutine(async function () {
    await aio.sleep(0);
    aio.currentTask().cancel("self msg");
    await aio.sleep(0);
  });
  let inner = aio.gather(quitter(), work("j", 4, "J"));
  outer = aio.gather(inner, work("k", 1, "K"), { returnExceptions: true });
  tk.start(6);
  await attempt("outer rx", outer);
  print("inner", state(inner));
  await drain(6);

  print("-- a child raises CancelledError itself (not cancelled): both levels");
  const raiser = aio.coroutine(async function () {
    await aio.sleep(0);
    throw new aio.CancelledError("raised msg");
  });
  inner = aio.gather(raiser(), { returnExceptions: true });
  outer = aio.gather(inner, aio.gather(raiser()), { returnExceptions: true });
  await attempt("outer rx", outer);

  print("-- the task awaiting a nested gather is cancelled");
  let g = aio.gather(aio.gather(work("l", 5), work("m", 5)), work("n", 5));
  const awaiter = aio.coroutine(async function () {
    try {
      return await g;
    } finally {
      print("  awaiter cancelling", aio.currentTask().cancelling());
    }
  });
  const t = aio.createTask(awaiter());
  tk.start(5);
  await aio.sleep(0);
  await aio.sleep(0);
  print("cancel awaiter", t.cancel("task msg"));
  await attempt("awaiter", t);
  print("g", state(g));
  await drain(5);

  print("-- cancel() after every child is done, before the gather's callback ran");
  const a = loop.createFuture();
  const b = loop.createFuture();
  g = aio.gather(a, b);
  outer = aio.gather(g);
  a.setResult(1);
  b.setResult(2);
  print("cancel g", g.cancel("too late"), "cancel outer", outer.cancel("too late"), g.done());
  await attempt("outer", outer);
  print("g", state(g));

  print("-- cancel() twice, different messages: which one wins");
  g = aio.gather(work("o", 5), work("p", 5));
  await aio.sleep(0);
  print("cancel 1", g.cancel("first"), "cancel 2", g.cancel("second"));
  await attempt("g", g);

  print("-- the loop still works");
  print(await aio.gather(aio.gather(aio.sleep(0, 1)), aio.sleep(0, 2)));
});
