import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// isCoroutineFunction() over aionode's own API, which mixes coroutine functions (sleep, wait,
// waitFor, the acquire/wait methods of the locks, Condition.acquire (its lock's), Barrier's
// wait/reset/abort, the queues' get/put/join, in every queue class) with plain functions that
// return futures or nothing (gather, shield, ensureFuture, createTask, asCompleted, run,
// timeout, wrapFuture, release, set, notify, getNowait, ...), and over partials (bound
// functions) of both; isCoroutine() over what they return (coroutine objects, futures, tasks);
// a debug-mode loop's callSoon/callLater/callAt refuse the coroutine functions among them,
// bound ones included, with TypeError, and accept the others; the coroutine functions still
// work when awaited, also through a bound function. (Messages name the camelCase method,
// printed in snake case.) Async twin: main is an async function.

const snake = (k) => k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
const msg = (e) => e.message.replace(/with (\w+)\(\)/, (m, n) => `with ${snake(n)}()`);

const user_coro = aio.coroutine(async function (x) {
  return x;
});

function plain_returning_coro(x) {
  return user_coro(x);
}

async function* agen() {
  yield 1;
}

class Holder {}
Holder.prototype.method = aio.coroutine(async function () {
  return 1;
});

function row(name, f) {
  print(`${name.padEnd(28)} ${aio.isCoroutineFunction(f) ? "True" : "False"}`);
}

function orow(name, o) {
  print(`${name.padEnd(28)} ${aio.isCoroutine(o) ? "True" : "False"}`);
}

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const [lock, event, cond] = [new aio.Lock(), new aio.Event(), new aio.Condition()];
  const [sem, bsem, barrier] = [new aio.Semaphore(), new aio.BoundedSemaphore(), new aio.Barrier(1)];
  const [q, lq, pq] = [new aio.Queue(), new aio.LifoQueue(), new aio.PriorityQueue()];
  print("== iscoroutinefunction");
  const h = new Holder();
  const fns = [["sleep", aio.sleep], ["wait", aio.wait], ["wait_for", aio.waitFor],
    ["gather", aio.gather], ["shield", aio.shield],
    ["ensure_future", aio.ensureFuture], ["create_task", aio.createTask],
    ["as_completed", aio.asCompleted], ["run", aio.run],
    ["timeout", aio.timeout], ["wrap_future", aio.wrapFuture],
    ["current_task", aio.currentTask],
    ["loop.create_future", loop.createFuture], ["loop.call_soon", loop.callSoon],
    ["lock.acquire", lock.acquire], ["lock.release", lock.release],
    ["lock.locked", lock.locked],
    ["event.wait", event.wait], ["event.set", event.set],
    ["cond.acquire", cond.acquire], ["cond.wait", cond.wait],
    ["cond.wait_for", cond.waitFor], ["cond.notify", cond.notify],
    ["cond.release", cond.release],
    ["sem.acquire", sem.acquire], ["sem.release", sem.release],
    ["bsem.acquire", bsem.acquire], ["barrier.wait", barrier.wait],
    ["barrier.reset", barrier.reset], ["barrier.abort", barrier.abort],
    ["q.get", q.get], ["q.put", q.put], ["q.join", q.join],
    ["q.get_nowait", q.getNowait], ["q.task_done", q.taskDone],
    ["lq.get", lq.get], ["pq.put", pq.put],
    ["partial(sleep, 0)", aio.sleep.bind(null, 0)],
    ["partial(lock.acquire)", lock.acquire.bind(lock)],
    ["partial(q.put, 1)", q.put.bind(q, 1)],
    ["partial(gather)", aio.gather.bind(null)],
    ["user coroutine function", user_coro],
    ["plain fn returning one", plain_returning_coro],
    ["async generator function", agen], ["method", h.method],
    ["partial(method)", h.method.bind(h)]];
  for (const [name, f] of fns) row(name, f);

  print("== iscoroutine of what they return");
  const fut = loop.createFuture();
  const done = loop.createFuture();
  done.setResult(1);
  const objs = [["sleep(0)", aio.sleep(0)], ["wait([done])", aio.wait([done])],
    ["wait_for(done, 1)", aio.waitFor(done, 1)],
    ["lock.acquire()", lock.acquire()], ["event.wait()", event.wait()],
    ["cond.wait_for(pred)", cond.waitFor(() => true)],
    ["sem.acquire()", sem.acquire()], ["barrier.wait()", barrier.wait()],
    ["q.get()", q.get()], ["q.put(1)", q.put(1)], ["q.join()", q.join()],
    ["partial(sleep, 0)()", aio.sleep.bind(null, 0)()],
    ["plain fn returning one", plain_returning_coro(1)],
    ["gather(done)", aio.gather(done)], ["shield(done)", aio.shield(done)],
    ["ensure_future(done)", aio.ensureFuture(done)],
    ["create_task(...)", aio.createTask(user_coro(1))],
    ["a future", fut], ["async generator", agen()], ["None", null], ["42", 42]];
  for (const [name, o] of objs) orow(name, o);
  await aio.sleep(0);

  print("== debug mode: call_soon / call_later / call_at");
  loop.setDebug(true);
  for (const [name, f] of [["sleep", aio.sleep], ["lock.acquire", lock.acquire],
    ["q.get", q.get], ["barrier.wait", barrier.wait],
    ["partial(sleep, 0)", aio.sleep.bind(null, 0)],
    ["lock.locked", lock.locked], ["event.set", event.set]]) {
    const out = [];
    for (const how of ["call_soon", "call_later", "call_at"]) {
      try {
        let hd;
        if (how === "call_soon") hd = loop.callSoon(f);
        else if (how === "call_later") hd = loop.callLater(10, f);
        else hd = loop.callAt(loop.time() + 10, f);
        hd.cancel();
        out.push("ok");
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        out.push(msg(e));
      }
    }
    print(`${name.padEnd(20)} ${out.join(" | ")}`);
  }
  loop.setDebug(false);

  print("== they still work when awaited");
  print(await aio.sleep(0, "slept"), await aio.sleep.bind(null, 0, "p")());
  await lock.acquire.bind(lock)();
  print("locked", lock.locked());
  lock.release();
  await q.put.bind(q, 7)();
  print("got", await q.get());
});
