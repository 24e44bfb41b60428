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

function show(x) {
  if (x instanceof Error) return `${x.name}(${repr(str(x))})`;
  if (Array.isArray(x)) return x.map(show);
  return x;
}

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  const tk = new Ticker(loop);

  const work = aio.coroutine(async function (name, n, result = null, catchIt = false) {
    for (let i = 0; i < n; i++) {
      try {
        await aio.sleep(0);
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        const t = aio.currentTask();
        print("  work", name, "cancelled at tick", tk.n, repr(str(e)), "cancelling", t.cancelling());
        if (!catchIt) throw e;
        print("  work", name, "uncancel ->", t.uncancel());
      }
    }
    print("  work", name, "ends at tick", tk.n);
    return result;
  });

  async function attempt(label, aw) {
    try {
      const r = await aw;
      print(label, "->", show(r), "at tick", tk.n);
    } catch (e) {
      if (e instanceof aio.CancelledError) print(label, "-> CancelledError", repr(str(e)), "at tick", tk.n);
      else print(label, "->", show(e), "at tick", tk.n);
    }
  }

  print("-- gather(t, t, t).cancel(): the task is cancelled three times");
  let t = aio.createTask(work("a", 5));
  let g = aio.gather(t, t, t);
  tk.start(4);
  await aio.sleep(0);
  print("cancel", g.cancel("dup msg"), "t.cancelling", t.cancelling());
  await attempt("g", g);
  print("t cancelled", t.cancelled(), "cancelling", t.cancelling());
  await drain(4);

  print("-- a task that catches: every cancel() counted, one CancelledError thrown in");
  t = aio.createTask(work("b", 3, "B", true));
  g = aio.gather(t, t);
  tk.start(6);
  await aio.sleep(0);
  print("cancel", g.cancel("twice"), "t.cancelling", t.cancelling());
  await attempt("g", g);
  print("t", t.result(), "cancelling", t.cancelling());
  await drain(6);

  print("-- the same coroutine object twice: one task, cancelled twice");
  const c = work("c", 5);
  g = aio.gather(c, c, { returnExceptions: true });
  tk.start(4);
  await aio.sleep(0);
  print("cancel", g.cancel());
  await attempt("g rx", g);
  await drain(4);

  print("-- a duplicated child cancelled directly (not through the gather)");
  t = aio.createTask(work("d", 5));
  g = aio.gather(t, work("e", 2, "E"), t);
  tk.start(6);
  await aio.sleep(0);
  print("cancel t", t.cancel("direct"));
  await attempt("g", g);
  await drain(6);

  print("-- the same, return_exceptions: the CancelledError twice");
  t = aio.createTask(work("f", 5));
  g = aio.gather(t, t, work("g", 1, "G"), { returnExceptions: true });
  tk.start(6);
  await aio.sleep(0);
  t.cancel("direct rx");
  const res = await g;
  print("res", show(res), "same object", res[0] === res[1]);
  await drain(6);

  print("-- the same pending future twice, cancelled by the gather: cancel() once is enough");
  const f = loop.createFuture();
  f.addDoneCallback((f) => print("  f done, cancelled", f.cancelled()));
  g = aio.gather(f, f);
  print("cancel", g.cancel("fut msg"));
  await attempt("g", g);

  print("-- a shield repeated: cancelling the gather cancels the shield, not the task");
  t = aio.createTask(work("h", 3, "H"));
  const s = aio.shield(t);
  g = aio.gather(s, s);
  tk.start(6);
  await aio.sleep(0);
  print("cancel", g.cancel("sh msg"), "t.cancelling", t.cancelling());
  await attempt("g", g);
  print("s cancelled", s.cancelled(), "t ->", await t);
  await drain(6);

  print("-- an inner gather repeated inside an outer one, cancelled from outside");
  t = aio.createTask(work("i", 5));
  const inner = aio.gather(t);
  const outer = aio.gather(inner, inner);
  tk.start(4);
  await aio.sleep(0);
  print("cancel outer", outer.cancel("nest msg"), "t.cancelling", t.cancelling());
  await attempt("outer", outer);
  print("inner", show(inner.exception()), "t cancelling", t.cancelling());
  await drain(4);

  print("-- duplicate done futures and a cancel() that has nothing to cancel");
  const d = loop.createFuture();
  d.setResult(7);
  g = aio.gather(d, d, d);
  print("cancel", g.cancel("nothing"), "done", g.done());
  await attempt("g", g);

  print("-- the loop still works");
  t = aio.createTask(work("j", 1, "J"));
  print(await aio.gather(t, t));
});
