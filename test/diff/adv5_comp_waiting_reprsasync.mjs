// Async-function twin of adv5_comp_waiting_reprs.py.
import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

function show(label, obj) {
  print(" ", label, String(obj));
}

const probe = aio.coroutine(async function probe(label, make) {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  const aw = make();
  loop.callSoon(show, label, me);
  const r = await aw;
  show(label + " after", me);
  return r;
});

const first = (it) => it[Symbol.iterator]().next().value;

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  const run = aio.coroutine(async function (label, make, after = null) {
    const t = aio.createTask(probe(label, make), { name: label });
    if (after !== null) loop.callSoon(after);
    const res = await t;
    print(label, "->", res);
  });

  await run("sleep0", () => aio.sleep(0));
  await run("sleep0v", () => aio.sleep(0, "v"));
  await run("sleepneg", () => aio.sleep(-1, "neg"));
  await run("sleep", () => aio.sleep(0.01, "later"));
  let f = loop.createFuture();
  await run("gather", () => aio.gather(f, aio.sleep(0, "s")), () => loop.callSoon((v) => f.setResult(v), "f"));
  const d = loop.createFuture();
  d.setResult("d");
  await run("gather-done", () => aio.gather(d, d));
  await run("gather-empty", () => aio.gather());
  f = loop.createFuture();
  await run("shield", () => aio.shield(f), () => f.setResult("sf"));
  await run("shield-done", () => aio.shield(d));
  f = loop.createFuture();
  let ff = f;
  await run("wait", () => aio.wait([ff]), () => ff.setResult(1));
  await run("wait-done", () => aio.wait([d]));
  f = loop.createFuture();
  await run("wait_for-none", () => aio.waitFor(f, null), () => f.setResult("wn"));
  f = loop.createFuture();
  await run("wait_for", () => aio.waitFor(f, 10), () => f.setResult("wf"));
  await run("wait_for-done", () => aio.waitFor(d, 10));
  f = loop.createFuture();
  await run("as_completed", () => first(aio.asCompleted([f])), () => f.setResult("ac"));
  await run("as_completed-done", () => first(aio.asCompleted([d])));
});
