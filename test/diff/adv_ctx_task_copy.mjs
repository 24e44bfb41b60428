import { AsyncLocalStorage } from "node:async_hooks";
import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// contextvars and tasks: a task runs in a copy of the context it was created in. A value set
// before create_task is seen inside the task; the creator's later set is not; a set inside a task
// lasts across its awaits but reaches neither the creator nor its siblings; a grandchild copies
// its parent's value at its own creation; asyncio.run's main task sees what was set before run()
// and its own sets stay inside it. (aionode twin: AsyncLocalStorage, var.set <-> als.enterWith,
// Context.run(f) <-> als.run(value, f).)

const v = new AsyncLocalStorage();
const get = () => v.getStore() ?? "<unset>";

const child = aio.coroutine(function* child(label, log, gate = null) {
  log.push(`${label} start ${get()}`);
  v.enterWith(label);
  yield* aio.sleep(0);
  log.push(`${label} after sleep ${get()}`);
  if (gate !== null) {
    yield* gate;
    log.push(`${label} after gate ${get()}`);
  }
  return get();
});

const grandchild = aio.coroutine(function* grandchild(label, log) {
  log.push(`${label} sees ${get()}`);
  yield* aio.sleep(0);
  log.push(`${label} later ${get()}`);
});

const grandParent = aio.coroutine(function* grandParent(log) {
  v.enterWith("parent-1");
  const g1 = aio.createTask(grandchild("g1", log));
  yield* aio.sleep(0);
  v.enterWith("parent-2");
  const g2 = aio.createTask(grandchild("g2", log));
  yield* aio.gather(g1, g2);
  log.push(`parent end ${get()}`);
});

const peek = aio.coroutine(function* peek() {
  return get();
});

const schedule = aio.coroutine(function* schedule(loop, fn) {
  loop.callSoon(fn);
});

const main = (tag) =>
  aio.coroutine(function* main() {
    print(tag, "main start", get());
    v.enterWith(`${tag}-m1`);
    const loop = aio.getRunningLoop();
    const log = [];
    const gate = loop.createFuture();
    const t1 = aio.createTask(child("c1", log, gate));
    const t2 = aio.createTask(child("c2", log));
    v.enterWith(`${tag}-m2`);
    print(tag, "main after creating", get());
    yield* aio.sleep(0);
    print(tag, "main after one tick", get());
    yield* aio.sleep(0);
    gate.setResult(null);
    print(tag, "c1 ->", yield* t1, "c2 ->", yield* t2);
    for (const line of log) print(tag, " ", line);
    print(tag, "main after children", get());
    log.length = 0;
    yield* aio.createTask(grandParent(log));
    for (const line of log) print(tag, " ", line);
    print(tag, "main after grand_parent", get());
    // A task created inside Context.run of another context sees that context's values.
    const t3 = v.run(`${tag}-other`, () => aio.createTask(child("c3", log)));
    print(tag, "c3 ->", yield* t3, "main still", get());
    // a task created from a callback runs in the callback's context (the callback is scheduled
    // by a task created in another context)
    const done = loop.createFuture();
    const spawn = () => {
      const t = aio.createTask(child("c4", log));
      t.addDoneCallback((f) => done.setResult(f.result()));
    };
    yield* v.run(`${tag}-cb`, () => aio.createTask(schedule(loop, spawn)));
    print(tag, "c4 ->", yield* done, "main still", get());
    print(tag, "log tail", repr(log.slice(-4)));
    // a value set after the task awaited, then a new task: it copies the current value
    yield* aio.sleep(0);
    v.enterWith(`${tag}-late`);
    print(tag, "peek ->", yield* aio.createTask(peek()), "main", get());
    return get();
  })();

print("before run", get());
v.enterWith("outer");
print("run 1 ->", await aio.run(main("r1")));
print("after run 1", get());
print("run 2 ->", await aio.run(main("r2")));
print("after run 2", get());
