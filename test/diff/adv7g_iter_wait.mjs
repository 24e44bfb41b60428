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

const names = (fs) => [...fs].map((f) => f.label).sort();

function* drain(n) { for (let i = 0; i < n; i++) yield* aio.sleep(0); }

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const tk = new Ticker(loop);
  const fut = (label, state = null) => {
    const f = loop.createFuture();
    f.label = label;
    if (state === "ok") f.setResult(label);
    else if (state === "err") f.setException(new ValueError(label));
    else if (state === "cancel") f.cancel(label);
    return f;
  };
  const modes = [aio.FIRST_COMPLETED, aio.FIRST_EXCEPTION, aio.ALL_COMPLETED];

  print("-- all done: every mode and timeout returns without yielding");
  for (const mode of modes) {
    for (const [to, shown] of [[null, "None"], [0, "0"], [-1, "-1"], [0.0, "0.0"], [1e-9, "1e-09"]]) {
      tk.start(2);
      const [done, pending] = yield* aio.wait([fut("ok", "ok"), fut("err", "err"), fut("cx", "cancel")],
        { timeout: to, returnWhen: mode });
      print(mode, shown, "done", names(done), "pending", names(pending), "at tick", tk.n);
      yield* drain(2);
    }
  }

  print("-- one pending among done: the mode decides");
  for (const mode of modes) {
    for (const to of [null, 0, -1]) {
      const p = fut("p");
      tk.start(3);
      if (to === null && mode !== aio.FIRST_COMPLETED) loop.callSoon((v) => p.setResult(v), "late");
      const [done, pending] = yield* aio.wait([fut("ok", "ok"), p], { timeout: to, returnWhen: mode });
      print(mode, to, "done", names(done), "pending", names(pending), "at tick", tk.n);
      yield* drain(3);
    }
  }

  print("-- FIRST_EXCEPTION: a cancelled future is not an exception");
  let a = fut("a"), b = fut("b");
  tk.start(6);
  loop.callSoon((m) => a.cancel(m), "a msg");
  loop.callSoon(() => loop.callSoon((e) => b.setException(e), new KeyError("b")));
  let [done, pending] = yield* aio.wait([a, b], { returnWhen: aio.FIRST_EXCEPTION });
  print("done", names(done), "pending", names(pending), "at tick", tk.n, repr(b.exception()));
  yield* drain(5);

  print("-- FIRST_EXCEPTION with a done failed future plus pending: returns at once");
  const c = fut("c");
  tk.start(3);
  [done, pending] = yield* aio.wait([c, fut("e", "err")], { returnWhen: aio.FIRST_EXCEPTION });
  print("done", names(done), "pending", names(pending), "at tick", tk.n);
  yield* drain(3);

  print("-- FIRST_EXCEPTION, only results: waits for all");
  const x = fut("x"), y = fut("y");
  tk.start(5);
  loop.callSoon((v) => x.setResult(v), 1);
  loop.callSoon(() => loop.callSoon((v) => y.setResult(v), 2));
  [done, pending] = yield* aio.wait([x, y], { returnWhen: aio.FIRST_EXCEPTION });
  print("done", names(done), "pending", names(pending), "at tick", tk.n);
  yield* drain(4);

  print("-- all pending, timeout 0 / negative / tiny: how many iterations");
  for (const to of [0, -5]) {
    const q = fut("q");
    tk.start(4);
    [done, pending] = yield* aio.wait([q], { timeout: to });
    print(to, "done", names(done), "pending", names(pending), "at tick", tk.n, "q cancelled", q.cancelled());
    yield* drain(4);
  }

  print("-- a future completes on the iteration the zero timeout fires");
  const r = fut("r");
  tk.start(4);
  loop.callSoon((v) => r.setResult(v), "r");
  [done, pending] = yield* aio.wait([r], { timeout: 0 });
  print("done", names(done), "pending", names(pending), "at tick", tk.n);
  yield* drain(4);

  print("-- tasks as inputs, wait ALL with a zero timeout on a task that finishes at once");
  const quick = aio.coroutine(function* () {
    print("  quick runs at tick", tk.n);
    return "Q";
  });
  const t = aio.createTask(quick());
  t.label = "t";
  tk.start(4);
  [done, pending] = yield* aio.wait([t], { timeout: 0 });
  print("done", names(done), "pending", names(pending), "at tick", tk.n);
  yield* drain(4);

  print("-- the loop still works");
  [done, pending] = yield* aio.wait([aio.ensureFuture(aio.sleep(0.001, "z"))]);
  print([...done].map((f) => f.result()), pending.size);
});
