import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// How many loop iterations an await takes when its input is already done (a result, an
// exception, a cancellation, a finished task) or is a coroutine that returns at once: waitFor
// with a timeout, null and 0, gather (with and without returnExceptions), shield (none: it
// returns its done input), wait (also FIRST_EXCEPTION and timeout 0), asCompleted (also
// timeout 0), an empty gather, timeout() bodies (1 and 0) around a done await and a sleep(0),
// and a TaskGroup. A ticker task counts iterations; the loop keeps working after each error.

let ticks = 0;

const ticker = aio.coroutine(async function ticker() {
  for (;;) {
    await aio.sleep(0);
    ticks += 1;
  }
});

const measure = aio.coroutine(async function measure(label, mk) {
  const t0 = ticks;
  let out;
  try {
    const r = await mk();
    if (Array.isArray(r) && r.length === 2 && r[0] instanceof Set) out = `pair ${r[0].size} ${r[1].size}`;
    else if (Array.isArray(r)) out = "[" + r.map((x) => (x instanceof Error ? x.name : repr(x))).join(", ") + "]";
    else out = repr(r);
  } catch (e) {
    out = e.name;
  }
  print(label, out, ticks - t0);
});

const quick = aio.coroutine(async function quick() {
  return "q";
});

const main = aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();
  const tk = aio.createTask(ticker());
  await aio.sleep(0);
  const d = loop.createFuture();
  d.setResult("d");
  const e = loop.createFuture();
  e.setException(new ValueError("e"));
  const c = loop.createFuture();
  c.cancel();
  const dt = aio.createTask(quick());
  await aio.sleep(0);
  await aio.sleep(0);
  for (const [name, f] of [["done", d], ["failed", e], ["cancelled", c], ["task", dt]]) {
    await measure(name + " wait_for", () => aio.waitFor(f, 1));
    await measure(name + " wait_for None", () => aio.waitFor(f, null));
    await measure(name + " wait_for 0", () => aio.waitFor(f, 0));
    await measure(name + " gather", () => aio.gather(f));
    await measure(name + " gather rx", () => aio.gather(f, { returnExceptions: true }));
    await measure(name + " shield", () => aio.shield(f));
    await measure(name + " wait", () => aio.wait([f]));
    await measure(name + " wait FE", () => aio.wait([f], { returnWhen: aio.FIRST_EXCEPTION }));
    await measure(name + " wait 0", () => aio.wait([f], { timeout: 0 }));
    await measure(name + " as_completed", () => aio.asCompleted([f])[Symbol.iterator]().next().value);
    await measure(name + " as_completed t0", () => aio.asCompleted([f], { timeout: 0 })[Symbol.iterator]().next().value);
  }
  await measure("coro wait_for", () => aio.waitFor(quick(), 1));
  await measure("coro wait_for 0", () => aio.waitFor(quick(), 0));
  await measure("coro wait_for None", () => aio.waitFor(quick(), null));
  await measure("coro gather", () => aio.gather(quick()));
  await measure("coro shield", () => aio.shield(quick()));
  await measure("coro as_completed", () => aio.asCompleted([quick()])[Symbol.iterator]().next().value);
  await measure("gather empty", () => aio.gather());
  await measure("timeout done", () =>
    aio.timeout(1, async function () {
      return await d;
    }),
  );
  await measure("timeout 0 done", () =>
    aio.timeout(0, async function () {
      return await d;
    }),
  );
  await measure("timeout 0 sleep0", () =>
    aio.timeout(0, async function () {
      await aio.sleep(0);
    }),
  );
  await measure("taskgroup", () =>
    aio.taskGroup(async function (g) {
      g.createTask(quick());
      return "tg";
    }),
  );
  tk.cancel();
  print("loop goes on", await aio.sleep(0, "ok"));
});

await aio.run(main);
