// Twin of adv5_comp_waiting_reprs.py.
import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

function show(label, obj) {
  print(" ", label, String(obj));
}

const probe = aio.coroutine(function* probe(label, make) {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  const aw = make();
  loop.callSoon(show, label, me);
  const r = yield* aw;
  show(label + " after", me);
  return r;
});

const first = (it) => it[Symbol.iterator]().next().value;

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  const run = aio.coroutine(function* (label, make, after = null) {
    const t = aio.createTask(probe(label, make), { name: label });
    if (after !== null) loop.callSoon(after);
    const res = yield* t;
    print(label, "->", res);
  });

  yield* run("sleep0", () => aio.sleep(0));
  yield* run("sleep0v", () => aio.sleep(0, "v"));
  yield* run("sleepneg", () => aio.sleep(-1, "neg"));
  yield* run("sleep", () => aio.sleep(0.01, "later"));
  let f = loop.createFuture();
  yield* run("gather", () => aio.gather(f, aio.sleep(0, "s")), () => loop.callSoon((v) => f.setResult(v), "f"));
  const d = loop.createFuture();
  d.setResult("d");
  yield* run("gather-done", () => aio.gather(d, d));
  yield* run("gather-empty", () => aio.gather());
  f = loop.createFuture();
  yield* run("shield", () => aio.shield(f), () => f.setResult("sf"));
  yield* run("shield-done", () => aio.shield(d));
  f = loop.createFuture();
  let ff = f;
  yield* run("wait", () => aio.wait([ff]), () => ff.setResult(1));
  yield* run("wait-done", () => aio.wait([d]));
  f = loop.createFuture();
  yield* run("wait_for-none", () => aio.waitFor(f, null), () => f.setResult("wn"));
  f = loop.createFuture();
  yield* run("wait_for", () => aio.waitFor(f, 10), () => f.setResult("wf"));
  yield* run("wait_for-done", () => aio.waitFor(d, 10));
  f = loop.createFuture();
  yield* run("as_completed", () => first(aio.asCompleted([f])), () => f.setResult("ac"));
  yield* run("as_completed-done", () => first(aio.asCompleted([d])));
});
