import { AsyncLocalStorage } from "node:async_hooks";
import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// contextvars through the composition functions: the tasks gather / wait_for / shield /
// ensure_future / TaskGroup.create_task / run_until_complete make from coroutines copy the
// context current at that call; a child's set reaches neither the caller nor its siblings; the
// caller's set after the call is not seen by children already made (wait_for makes its task when
// awaited); a TaskGroup child made after the body changed the value sees the new value. (aionode twin: AsyncLocalStorage.)

const v = new AsyncLocalStorage();
const get = () => v.getStore() ?? "<unset>";
class ValueError extends Error {
  constructor(m) {
    super(m);
    this.name = "ValueError";
  }
}

const child = aio.coroutine(function* child(label, log, ticks = 1, fail = false) {
  log.push(`${label} start ${get()}`);
  v.enterWith(`${label}-own`);
  for (let i = 0; i < ticks; i++) yield* aio.sleep(0);
  log.push(`${label} end ${get()}`);
  if (fail) throw new ValueError(label);
  return get();
});

const slow = aio.coroutine(function* slow(log) {
  log.push(`slow start ${get()}`);
  v.enterWith("slow-own");
  try {
    yield* aio.sleep(5);
  } catch (e) {
    if (e instanceof aio.CancelledError) log.push(`slow cancelled ${get()}`);
    throw e;
  }
});

function flush(title, log) {
  print(title);
  for (const line of log) print("  ", line);
  log.length = 0;
}

const main = aio.coroutine(function* main() {
  const log = [];
  v.enterWith("g");
  const aw = aio.gather(child("ga", log), child("gb", log, 2));
  v.enterWith("after-gather-call");
  print("gather ->", repr(yield* aw), "caller", get());
  flush("gather", log);

  v.enterWith("gr");
  const r = yield* aio.gather(child("ok", log), child("bad", log, 1, true), { returnExceptions: true });
  print("gather return_exceptions ->", repr(r.map((x) => repr(x))), "caller", get());
  flush("gather return_exceptions", log);

  v.enterWith("w");
  print("wait_for ->", yield* aio.waitFor(child("wf", log, 2), 5), "caller", get());
  flush("wait_for", log);

  // wait_for is a coroutine: its task is made when it is awaited, in the context current then;
  // gather makes its tasks at the call
  v.enterWith("at-call");
  const w = aio.waitFor(child("lazy", log), 5);
  const g = aio.gather(child("eager", log));
  v.enterWith("at-await");
  print("lazy wait_for ->", yield* w, "eager gather ->", repr(yield* g), "caller", get());
  flush("made at await / at call", log);

  v.enterWith("s");
  print("shield ->", yield* aio.shield(child("sh", log)), "caller", get());
  flush("shield", log);

  v.enterWith("e");
  const f = aio.ensureFuture(child("ef", log));
  v.enterWith("after-ensure_future");
  print("ensure_future ->", yield* f, "caller", get());
  flush("ensure_future", log);

  v.enterWith("tg");
  let t1, t2, t3;
  yield* aio.taskGroup(function* (tg) {
    t1 = tg.createTask(child("t1", log, 2));
    v.enterWith("tg-body");
    t2 = tg.createTask(child("t2", log));
    yield* aio.sleep(0);
    log.push(`body after sleep ${get()}`);
    v.enterWith("tg-body-2");
    t3 = tg.createTask(child("t3", log));
  });
  print("taskgroup ->", t1.result(), t2.result(), t3.result());
  flush("taskgroup", log);

  // nested: a gather inside a gathered child copies that child's value
  const outer = aio.coroutine(function* outer(label) {
    v.enterWith(label);
    return yield* aio.gather(child(`${label}.x`, log), child(`${label}.y`, log));
  });
  v.enterWith("n");
  print("nested ->", repr(yield* aio.gather(outer("o1"), outer("o2"))), "caller", get());
  flush("nested", log);

  // failing wait_for: the timeout leaves the caller's value alone
  v.enterWith("to");
  try {
    yield* aio.waitFor(slow(log), 0.01);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("wait_for timed out, caller", get());
  }
  flush("wait_for timeout", log);
  return get();
});

v.enterWith("top");
const loop = aio.newEventLoop();
const log = [];
print("run_until_complete child ->", await loop.runUntilComplete(child("ruc", log)), "outside", get());
flush("run_until_complete", log);
print("main ->", await loop.runUntilComplete(main()), "outside", get());
loop.close();
