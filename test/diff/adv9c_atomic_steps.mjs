import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// Three tasks ready in the same iterations, each running rounds of a four-level chain of
// directly awaited coroutines that mostly do not suspend: every level prints, queues a callback,
// awaits a done future; level 2 creates a task; in round 2 the bottom raises ValueError, which
// level 2 lets through and level 3 catches (task B then awaits inside the except clause); in odd
// rounds one level (a different one each round) really suspends. Between rounds a task sleeps
// only every third round. A task's step runs from one real suspension to the next without any
// other task, callback or created task running in between: the global print order shows it.

let loop = null;

function who() {
  const t = aio.currentTask();
  return t === null ? "None" : t.getName();
}

const side = aio.coroutine(function* side(tag, rnd) {
  print("      side", tag, rnd, "runs in", who());
  return rnd;
});

const chain = aio.coroutine(function* chain(tag, lvl, rnd, done) {
  const p = `${tag} r${rnd} L${lvl}`;
  print(p, "enter", who());
  loop.callSoon(print, "      cb", p);
  yield* done;
  if (lvl === 2) aio.createTask(side(tag, rnd), { name: `${tag}-side${rnd}` });
  if (rnd % 2 && lvl === (Math.floor(rnd / 2) % 4) + 1) {
    yield* aio.sleep(0);
    print(p, "resumed", who());
  }
  if (lvl === 1) {
    if (rnd === 2) {
      print(p, "raises");
      throw new ValueError(tag + "-bottom");
    }
    return 1;
  }
  let r;
  try {
    r = yield* chain(tag, lvl - 1, rnd, done);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    if (lvl !== 3) {
      print(p, "lets", repr(e), "through");
      throw e;
    }
    print(p, "caught", repr(e));
    if (tag === "B") {
      yield* aio.sleep(0);
      print(p, "slept in except clause", who());
    }
    r = 100;
  }
  print(p, "exit", r);
  return r + lvl;
});

const runner = aio.coroutine(function* runner(tag, rounds) {
  const done = loop.createFuture();
  done.setResult(null);
  let total = 0;
  for (let rnd = 0; rnd < rounds; rnd++) {
    const r = yield* chain(tag, 4, rnd, done);
    total += r;
    print(tag, "round", rnd, "->", r, who());
    if (rnd % 3 === 0) yield* aio.sleep(0);
  }
  return total;
});

await aio.run(function* main() {
  loop = aio.getRunningLoop();
  const ts = ["A", "B", "C"].map((tag) => aio.createTask(runner(tag, 6), { name: tag }));
  print("main created", ts.map((t) => t.getName()));
  print("gather ->", yield* aio.gather(...ts));
  yield* aio.sleep(0);
  print("main done", who());
});
