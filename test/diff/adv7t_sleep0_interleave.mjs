import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// sleep(0), sleep(-1), sleep(-inf) and sleep(0, result) interleaved with call_soon chains and with
// other tasks' steps: each gives up exactly one iteration, behind everything queued before it;
// call_soon from inside a step lands before the task's own wake-up; a task that sleeps(0) in a
// loop against a call_soon ping-pong; sleep(0) in a done callback's task; the order of steps of
// tasks created in one step; what a cancelled sleep(0) lets run first.
const INF = Infinity;

await aio.run(aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  const out = [];
  function cb(name) {
    out.push(name);
  }
  const worker = aio.coroutine(function* worker(name, delays) {
    for (const [i, d] of delays.entries()) {
      loop.callSoon(cb, `${name}.cb${i}`);
      const r = yield* aio.sleep(d, `${name}.r${i}`);
      out.push(r);
    }
    return name;
  });

  print("-- three workers, zero and negative sleeps, with call_soon before each");
  const ts = [aio.createTask(worker("A", [0, 0, 0])),
    aio.createTask(worker("B", [-1, -INF, 0])),
    aio.createTask(worker("C", [0, -0.0]))];
  loop.callSoon(cb, "main.cb");
  print(yield* aio.gather(...ts));
  for (let i = 0; i < out.length; i += 6) print("  ", out.slice(i, i + 6));
  out.length = 0;

  print("-- ping-pong of call_soon against a sleeping(0) task");
  function ping(k) {
    out.push(`ping${k}`);
    if (k < 5) loop.callSoon(ping, k + 1);
  }
  const spinner = aio.coroutine(function* spinner() {
    for (let i = 0; i < 5; i++) {
      out.push(`spin${i}`);
      yield* aio.sleep(0);
    }
    return "spun";
  });
  loop.callSoon(ping, 0);
  let t = aio.createTask(spinner());
  print(yield* t);
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("  ", out);
  out.length = 0;

  print("-- tasks created in one step, each sleeping(0) twice");
  const twice = aio.coroutine(function* twice(name) {
    out.push(name + "1");
    yield* aio.sleep(0);
    out.push(name + "2");
    yield* aio.sleep(-1);
    out.push(name + "3");
  });
  for (const n of "xyz") {
    aio.createTask(twice(n));
    loop.callSoon(cb, "soon-" + n);
  }
  yield* aio.sleep(0);
  out.push("main-a");
  yield* aio.sleep(0);
  out.push("main-b");
  yield* aio.sleep(0);
  out.push("main-c");
  yield* aio.sleep(0);
  print("  ", out);
  out.length = 0;

  print("-- a done callback that starts a task which sleeps(0)");
  const late = aio.coroutine(function* late() {
    out.push("late start");
    yield* aio.sleep(0);
    out.push("late end");
  });
  function onDone(f) {
    out.push("done cb " + repr(f.result()));
    aio.createTask(late());
    loop.callSoon(cb, "soon-from-done-cb");
  }
  t = aio.createTask(aio.sleep(0, "first"));
  t.addDoneCallback(onDone);
  for (let i = 0; i < 4; i++) {
    out.push(`main${i}`);
    yield* aio.sleep(0);
  }
  print("  ", out);
  out.length = 0;

  print("-- a sleep(0) cancelled: what runs before its CancelledError");
  const victim = aio.coroutine(function* victim() {
    try {
      out.push("victim sleeping");
      yield* aio.sleep(0, "v");
      out.push("victim woke");
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      out.push("victim cancelled");
      loop.callSoon(cb, "victim's soon");
      yield* aio.sleep(0);
      out.push("victim after extra sleep");
      return "survived";
    }
  });
  t = aio.createTask(victim());
  yield* aio.sleep(0);
  loop.callSoon(cb, "queued before cancel");
  t.cancel();
  loop.callSoon(cb, "queued after cancel");
  out.push("result " + (yield* t));
  print("  ", out);
  out.length = 0;

  print("-- sleep(0) results");
  const tup = [1];
  tup.__tuple = true;
  for (const res of [null, 0, "", [], tup, { a: 1 }, 2.5, -0.0, false]) {
    const r = yield* aio.sleep(0, res);
    out.push(repr(r));
  }
  print("  ", out);
}));
