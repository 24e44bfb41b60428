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

async function drain(n) { for (let i = 0; i < n; i++) await aio.sleep(0); }

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  const tk = new Ticker(loop);

  async function run(label, aw, timeout) {
    tk.start(5);
    try {
      const r = await aio.waitFor(aw, timeout);
      print(label, "->", repr(r), "at tick", tk.n);
    } catch (e) {
      if (e instanceof aio.TimeoutError) print(label, "-> TimeoutError", repr(str(e)), "cause", e.cause?.name, "at tick", tk.n);
      else if (e instanceof aio.CancelledError) print(label, "-> CancelledError", repr(str(e)), "at tick", tk.n);
      else print(label, "->", e.name, repr(e), "at tick", tk.n);
    }
    await drain(5);
  }

  const fut = (state = null) => {
    const f = loop.createFuture();
    if (state === "ok") f.setResult("v");
    else if (state === "err") f.setException(new ValueError("bad"));
    else if (state === "cancel") f.cancel("pre");
    return f;
  };

  const timeouts = [["None", null], ["0", 0], ["-0.0", -0.0], ["-3", -3], ["inf", Infinity], ["100", 100]];

  print("-- done futures with every timeout");
  for (const state of ["ok", "err", "cancel"]) {
    for (const [name, to] of timeouts) await run(state + " " + name, fut(state), to);
  }

  print("-- pending future, zero or negative timeout: cancelled, TimeoutError");
  for (const [name, to] of timeouts.slice(1, 4)) {
    const f = fut();
    f.addDoneCallback((f) => print("  future callback at tick", tk.n, "cancelled", f.cancelled()));
    await run("pending " + name, f, to);
  }

  print("-- pending future completed two iterations later, no or long timeout");
  for (const [name, to] of [timeouts[0], timeouts[4], timeouts[5]]) {
    const f = fut();
    loop.callSoon(() => loop.callSoon((v) => f.setResult(v), "later"));
    f.addDoneCallback(() => print("  future callback at tick", tk.n));
    await run("later " + name, f, to);
  }

  print("-- pending future failing later");
  let f = fut();
  loop.callSoon((e) => f.setException(e), new KeyError("k"));
  await run("fails later", f, 100);

  print("-- pending future cancelled by someone else");
  f = fut();
  loop.callSoon((m) => f.cancel(m), "by other");
  await run("cancelled later", f, 100);
  f = fut();
  loop.callSoon((m) => f.cancel(m), "by other");
  await run("cancelled later, no timeout", f, null);

  print("-- the waiting task is cancelled: the future is cancelled too, message kept?");
  const waiter = aio.coroutine(async function (to) {
    return await aio.waitFor(f, to);
  });
  for (const [name, to] of [timeouts[0], timeouts[5]]) {
    f = fut();
    f.addDoneCallback((f) => print("  future callback at tick", tk.n, "cancelled", f.cancelled()));
    const w = aio.createTask(waiter(to));
    tk.start(6);
    await aio.sleep(0);
    print("cancel waiter", w.cancel("outer msg"), "at tick", tk.n);
    try {
      await w;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(name, "waiter CancelledError", repr(str(e)), "at tick", tk.n, "cancelling", w.cancelling());
    }
    try {
      f.result();
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("future's CancelledError", repr(str(e)));
    }
    await drain(6);
  }

  print("-- a gather as the future: timeout 0 cancels its children");
  const child = aio.coroutine(async function (n) {
    try {
      await aio.sleep(10);
    } catch (e) {
      if (e instanceof aio.CancelledError) print("  child", n, "cancelled at tick", tk.n, repr(str(e)));
      throw e;
    }
  });
  let g = aio.gather(child(1), child(2));
  await aio.sleep(0);
  await run("gather 0", g, 0);
  print("gather cancelled", g.cancelled());

  print("-- a gather with return_exceptions as the future, timeout fires: children cancelled");
  g = aio.gather(child(3), child(4), { returnExceptions: true });
  await aio.sleep(0);
  await run("gather rx 0", g, 0);
  print("gather cancelled", g.cancelled());

  print("-- a shield as the future: timeout 0 cancels the shield, not the inner future");
  const inner = fut();
  const sh = aio.shield(inner);
  await run("shield 0", sh, 0);
  print("shield cancelled", sh.cancelled(), "inner done", inner.done());
  inner.setResult("inner");
  await run("shield of a done inner, no timeout", aio.shield(inner), null);

  print("-- the same pending future waited on twice, one times out");
  f = fut();
  const other = aio.createTask(aio.waitFor(f, null));
  await aio.sleep(0);
  await run("second waiter 0", f, 0);
  try {
    await other;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("other waiter CancelledError", repr(str(e)));
  }

  print("-- the loop still works");
  print(await aio.waitFor(aio.sleep(0, "fine"), 1));
});
