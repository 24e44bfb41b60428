import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Odd return values carried up a four-level delegation chain and out through a task, gather
// (also with return_exceptions), wait_for, shield, a done callback and as_completed: None
// (also a bare return and falling off the end), falsy values, nan and -0.0, containers, and
// exception instances returned rather than raised (a ValueError, a CancelledError, a
// TimeoutError): none of them must be taken for a failure or a cancellation.

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }

const VALUES = [
  ["none", null],
  ["zero", 0],
  ["empty", ""],
  ["false", false],
  ["nan", NaN],
  ["negzero", -0],
  ["list", [1, [2, null]]],
  ["dict", { k: [false] }],
  ["valueerror", new ValueError("returned, not raised")],
  ["cancelled", new aio.CancelledError("returned cancel")],
  ["timeout", new aio.TimeoutError()],
];
const MAP = new Map(VALUES);

const leaf = aio.coroutine(async function (key, how) {
  await aio.sleep(0);
  if (how === "bare") return;
  if (how === "end") {
    // falls off the end
  } else return MAP.get(key);
});

const level = aio.coroutine(async function (i, key, how) {
  if (i === 0) return await leaf(key, how);
  const r = await level(i - 1, key, how);
  return r;
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  for (const [key] of VALUES) {
    print("==", key);
    print(" inline:", repr(await level(3, key, "value")));
    let t = aio.createTask(level(3, key, "value"));
    const seen = [];
    t.addDoneCallback((f) => seen.push(repr(f.result())));
    const r = await t;
    print(" task:", repr(r), "done", t.done(), "cancelled", t.cancelled(), "exception", t.exception());
    await aio.sleep(0);
    print(" done callback saw:", seen);
    print(" gather:", await aio.gather(level(2, key, "value"), level(1, key, "value")));
    print(" gather rx:", await aio.gather(level(2, key, "value"), { returnExceptions: true }));
    print(" wait_for:", repr(await aio.waitFor(level(3, key, "value"), 5)));
    print(" shield:", repr(await aio.shield(level(3, key, "value"))));
    for (const f of aio.asCompleted([level(1, key, "value")])) print(" as_completed:", repr(await f));
    const fut = loop.createFuture();
    fut.setResult(await level(0, key, "value"));
    if (key !== "dict") print(" future:", String(fut)); // a JS object's repr is util.inspect's
  }
  print("== bare return and falling off the end");
  print(" bare:", await level(3, "x", "bare"), " end:", await level(3, "x", "end"));
  const t = aio.createTask(level(2, "x", "end"));
  await t;
  print(" task result:", repr(t.result()), "cancelled", t.cancelled(), "exception", t.exception());
  print("loop still works:", await aio.sleep(0, "yes"));
});
