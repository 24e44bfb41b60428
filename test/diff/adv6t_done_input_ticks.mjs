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

const ticker = aio.coroutine(function* ticker() {
  for (;;) {
    yield* aio.sleep(0);
    ticks += 1;
  }
});

const measure = aio.coroutine(function* measure(label, mk) {
  const t0 = ticks;
  let out;
  try {
    const r = yield* mk();
    if (Array.isArray(r) && r.length === 2 && r[0] instanceof Set) out = `pair ${r[0].size} ${r[1].size}`;
    else if (Array.isArray(r)) out = "[" + r.map((x) => (x instanceof Error ? x.name : repr(x))).join(", ") + "]";
    else out = repr(r);
  } catch (e) {
    out = e.name;
  }
  print(label, out, ticks - t0);
});

const quick = aio.coroutine(function* quick() {
  return "q";
});

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  const tk = aio.createTask(ticker());
  yield* aio.sleep(0);
  const d = loop.createFuture();
  d.setResult("d");
  const e = loop.createFuture();
  e.setException(new ValueError("e"));
  const c = loop.createFuture();
  c.cancel();
  const dt = aio.createTask(quick());
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  for (const [name, f] of [["done", d], ["failed", e], ["cancelled", c], ["task", dt]]) {
    yield* measure(name + " wait_for", () => aio.waitFor(f, 1));
    yield* measure(name + " wait_for None", () => aio.waitFor(f, null));
    yield* measure(name + " wait_for 0", () => aio.waitFor(f, 0));
    yield* measure(name + " gather", () => aio.gather(f));
    yield* measure(name + " gather rx", () => aio.gather(f, { returnExceptions: true }));
    yield* measure(name + " shield", () => aio.shield(f));
    yield* measure(name + " wait", () => aio.wait([f]));
    yield* measure(name + " wait FE", () => aio.wait([f], { returnWhen: aio.FIRST_EXCEPTION }));
    yield* measure(name + " wait 0", () => aio.wait([f], { timeout: 0 }));
    yield* measure(name + " as_completed", () => aio.asCompleted([f])[Symbol.iterator]().next().value);
    yield* measure(name + " as_completed t0", () => aio.asCompleted([f], { timeout: 0 })[Symbol.iterator]().next().value);
  }
  yield* measure("coro wait_for", () => aio.waitFor(quick(), 1));
  yield* measure("coro wait_for 0", () => aio.waitFor(quick(), 0));
  yield* measure("coro wait_for None", () => aio.waitFor(quick(), null));
  yield* measure("coro gather", () => aio.gather(quick()));
  yield* measure("coro shield", () => aio.shield(quick()));
  yield* measure("coro as_completed", () => aio.asCompleted([quick()])[Symbol.iterator]().next().value);
  yield* measure("gather empty", () => aio.gather());
  yield* measure("timeout done", () =>
    aio.timeout(1, function* () {
      return yield* d;
    }),
  );
  yield* measure("timeout 0 done", () =>
    aio.timeout(0, function* () {
      return yield* d;
    }),
  );
  yield* measure("timeout 0 sleep0", () =>
    aio.timeout(0, function* () {
      yield* aio.sleep(0);
    }),
  );
  yield* measure("taskgroup", () =>
    aio.taskGroup(function* (g) {
      g.createTask(quick());
      return "tg";
    }),
  );
  tk.cancel();
  print("loop goes on", yield* aio.sleep(0, "ok"));
});

await aio.run(main);
