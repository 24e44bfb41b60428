import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Results and waits that lead back to the object itself, through a chain of coroutines: a task
// whose coroutine returns the task (currentTask() three levels down: the result is the task,
// and its repr shows `result=...` where it would contain itself), a future set to itself, to a
// list holding it, two futures set to each other, a task returning a list holding itself and a
// future, and two tasks awaiting each other (each repr shows the other's, with `...` where it
// comes back; left pending: a cancel() would go round the cycle forever). A task waiting on a
// task that waits on a future shows the chain. The loop is run by hand and closed with the cycle
// still pending.

let loop = null;

function* bottom() {
  yield* aio.sleep(0);
  return aio.currentTask();
}

const middle = aio.coroutine(function* middle() {
  const r = yield* bottom();
  yield* aio.sleep(0);
  return r;
});

function* top() {
  const r = yield* middle();
  return r;
}

const listing = aio.coroutine(function* listing() {
  const me = aio.currentTask();
  const f = loop.createFuture();
  f.setResult([me]);
  yield* aio.sleep(0);
  return [me, f, 1];
});

const box = {};

const a = aio.coroutine(function* a() {
  yield* aio.sleep(0);
  return yield* box.b;
});

const b = aio.coroutine(function* b() {
  yield* aio.sleep(0);
  const r = yield* box.a;
  return r;
});

const waits = aio.coroutine(function* waits(f) {
  return yield* f;
});

const waiter_chain = aio.coroutine(function* waiter_chain(f) {
  return yield* aio.createTask(waits(f), { name: "inner" });
});

const main = aio.coroutine(function* main() {
  print("== a task returning itself, three levels down");
  let t = aio.createTask(aio.coroutine(top)(), { name: "self" });
  let r = yield* t;
  print("result is the task:", r === t, t.result() === t);
  print(String(t));

  print("== futures holding themselves");
  let f = loop.createFuture();
  f.setResult(f);
  print(String(f));
  const g = loop.createFuture();
  g.setResult([g, 1, [g]]);
  print(String(g));
  const [h1, h2] = [loop.createFuture(), loop.createFuture()];
  h1.setResult(h2);
  h2.setResult(h1);
  print(String(h1));
  print(String(h2));
  const p = loop.createFuture();
  p.setResult("abc");
  const q = loop.createFuture();
  q.setResult(p);
  print(String(q));

  print("== a task returning a list that holds it");
  t = aio.createTask(listing(), { name: "lister" });
  r = yield* t;
  print("r[0] is the task:", r[0] === t, "r[1] holds it:", r[1].result()[0] === t);
  print(String(t));
  print(String(r[1]));

  print("== a chain of waits");
  f = loop.createFuture();
  t = aio.createTask(waiter_chain(f), { name: "outer" });
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print(String(t));
  f.setResult(t);
  r = yield* t;
  print("outer got itself:", r === t);
  print(String(t));

  print("== two tasks awaiting each other");
  box.a = aio.createTask(a(), { name: "A" });
  box.b = aio.createTask(b(), { name: "B" });
  for (let i = 0; i < 3; i++) yield* aio.sleep(0);
  print(String(box.a));
  print(String(box.b));
  print("both pending:", !box.a.done(), !box.b.done());
  return "main done";
});

loop = aio.newEventLoop();
aio.setEventLoop(loop);
print(await loop.runUntilComplete(main()));
loop.close();
print("closed with the cycle pending");
