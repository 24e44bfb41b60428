import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

class Ticker {
  constructor(loop) { this.loop = loop; this.n = 0; this.left = 0; }
  start(k) { this.n = 0; this.left = k; this.loop.callSoon(() => this.tick()); }
  tick() {
    this.n += 1;
    this.left -= 1;
    if (this.left > 0) this.loop.callSoon(() => this.tick());
  }
}

async function drain(n) { for (let i = 0; i < n; i++) await aio.sleep(0); }

const quick = aio.coroutine(async function () {
  return "q";
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  const tk = new Ticker(loop);
  const done = () => { const f = loop.createFuture(); f.setResult("d"); return f; };
  const soon = () => { const f = loop.createFuture(); loop.callSoon((v) => f.setResult(v), "s"); return f; };
  const first = aio.coroutine(async function (it) {
    for (const aw of it) return await aw;
  });
  const waitMode = aio.coroutine(async function (aw, mode) {
    const [d, p] = await aio.wait([aw], { returnWhen: mode });
    return tuple(d.size, p.size);
  });

  const combos = [
    ["bare await", (x) => x],
    ["gather", (x) => aio.gather(x)],
    ["gather x2", (x) => aio.gather(aio.gather(x))],
    ["gather rx", (x) => aio.gather(x, { returnExceptions: true })],
    ["wait ALL", (x) => waitMode(x, aio.ALL_COMPLETED)],
    ["wait FIRST", (x) => waitMode(x, aio.FIRST_COMPLETED)],
    ["wait EXC", (x) => waitMode(x, aio.FIRST_EXCEPTION)],
    ["wait_for None", (x) => aio.waitFor(x, null)],
    ["wait_for 100", (x) => aio.waitFor(x, 100)],
    ["shield", (x) => aio.shield(x)],
    ["shield x2", (x) => aio.shield(aio.shield(x))],
    ["as_completed", (x) => first(aio.asCompleted([x]))],
    ["ensure_future", (x) => aio.ensureFuture(x)],
    ["task of wait_for", (x) => aio.createTask(aio.waitFor(x, 100))],
    ["task of gather", (x) => aio.ensureFuture(aio.gather(x))],
  ];
  const makers = [["done future", done], ["soon future", soon], ["coroutine", quick]];
  for (const [mname, make] of makers) {
    print("--", mname);
    for (const [cname, combo] of combos) {
      if (mname === "coroutine" && (cname === "bare await" || cname.startsWith("wait "))) continue;
      tk.start(12);
      const aw = combo(make());
      loop.callSoon(() => print("  marker at tick", tk.n));
      const r = await aw;
      print(cname, "->", r, "at tick", tk.n);
      await drain(12);
    }
  }

  print("-- zero timeouts");
  for (const [mname, make] of makers) {
    tk.start(12);
    try {
      const r = await aio.waitFor(make(), 0);
      print("wait_for 0", mname, "->", r, "at tick", tk.n);
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("wait_for 0", mname, "-> TimeoutError at tick", tk.n);
    }
    await drain(12);
    tk.start(12);
    const x = aio.ensureFuture(make());
    const [d, p] = await aio.wait([x], { timeout: 0 });
    print("wait 0", mname, "->", d.size, p.size, "at tick", tk.n);
    await x;
    await drain(12);
  }
});
