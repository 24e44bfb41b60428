import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Coroutine functions made from generator functions (types.coroutine; aionode's coroutine()
// over a function*) and from async functions, side by side: wrapping twice gives the same
// function; each call makes a new coroutine object and runs nothing (arguments are taken at the
// call); positional arguments, defaults and explicit None arrive as passed; a method sees its
// instance, also through a partial (a bound function); the task's repr shows the function's
// name before its first step, while it waits and when done, and getCoro() is the object
// passed; a body that raises before its first await fails its task at the first step, after
// the callbacks queued before it; the two kinds awaiting each other recursively, thirty levels
// deep, carry the value back up in one task; wrapping something that is not callable is a
// TypeError; isCoroutine() holds for the objects before and after they ran.

class ValueError extends Error {}
ValueError.prototype.name = "ValueError";

const ran = [];

const gen_fn = aio.coroutine(function* gen_fn(a, b = 2) {
  ran.push(tuple("gen_fn", a, b));
  yield* aio.sleep(0);
  return [a, b];
});

const async_fn = aio.coroutine(async function async_fn(...args) {
  ran.push(tuple("async_fn", args.length));
  await aio.sleep(0);
  return args;
});

const gen_raises = aio.coroutine(function* gen_raises(tag) {
  print("   gen_raises body runs", tag);
  throw new ValueError(tag);
  // eslint-disable-next-line no-unreachable
  yield;
});

const async_raises = aio.coroutine(async function async_raises(tag) {
  print("   async_raises body runs", tag);
  throw new ValueError(tag);
});

class Box {
  constructor(v) {
    this.v = v;
  }
}
Box.prototype.gget = aio.coroutine(function* gget(k) {
  yield* aio.sleep(0);
  return tuple(this.v, k, aio.currentTask().getName());
});
Box.prototype.aget = aio.coroutine(async function aget(k) {
  await aio.sleep(0);
  return tuple(this.v, k, aio.currentTask().getName());
});

const gen_rec = aio.coroutine(function* gen_rec(n) {
  if (n === 0) {
    yield* aio.sleep(0);
    return tuple(0, aio.currentTask().getName());
  }
  const r = yield* async_rec(n - 1);
  return tuple(r[0] + n, r[1]);
});

const async_rec = aio.coroutine(async function async_rec(n) {
  if (n === 0) {
    await aio.sleep(0);
    return tuple(0, aio.currentTask().getName());
  }
  const r = await gen_rec(n - 1);
  return tuple(r[0] + n, r[1]);
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  print("== wrapping twice gives the same function");
  print("gen", aio.coroutine(gen_fn) === gen_fn, "async", aio.coroutine(async_fn) === async_fn);

  print("== calls make new objects and run nothing");
  const [c1, c2] = [gen_fn(1), gen_fn(1)];
  const [a1, a2] = [async_fn(), async_fn()];
  print("new objects", c1 !== c2, a1 !== a2, "ran", ran);
  print("iscoroutine", aio.isCoroutine(c1), aio.isCoroutine(a1));

  print("== arguments");
  print(yield* gen_fn(5), yield* gen_fn(5, null), yield* gen_fn("x", [1]));
  print(yield* async_fn(), yield* async_fn(null), yield* async_fn(1, null, 3), yield* async_fn(..."abc"));
  print("ran", ran);
  ran.length = 0;

  print("== methods and partials");
  const b = new Box("box");
  print(yield* b.gget(1), yield* b.aget(2));
  const [pg, pa] = [b.gget.bind(b, 3), b.aget.bind(b, 4)];
  print(yield* pg(), yield* pa());
  print(yield* aio.createTask(pg(), { name: "PG" }), yield* aio.createTask(pa(), { name: "PA" }));

  print("== task reprs and get_coro()");
  for (const c of [c1, a1]) {
    const t = aio.createTask(c);
    print(" ", String(t), "get_coro is it", t.getCoro() === c);
    yield* aio.sleep(0);
    print(" ", String(t));
    yield* t;
    print(" ", String(t), "get_coro is it", t.getCoro() === c);
    print("  iscoroutine after it ran", aio.isCoroutine(c));
  }
  void c2;
  void a2;

  print("== a body that raises before its first await");
  for (const fn of [gen_raises, async_raises]) {
    loop.callSoon(print, "   callback queued before", fn.name);
    const t = aio.createTask(fn(fn.name));
    print("  created, done", t.done());
    yield* aio.sleep(0);
    print("  after one iteration, done", t.done(), "exception", repr(t.exception()));
    try {
      yield* fn("awaited");
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print("  awaited directly: ValueError", repr(e.message));
    }
  }

  print("== the two kinds awaiting each other, thirty deep");
  print(yield* gen_rec(30), yield* async_rec(30));
  print(yield* aio.createTask(gen_rec(31), { name: "R1" }), yield* aio.createTask(async_rec(31), { name: "R2" }));

  print("== wrapping what is not callable");
  for (const bad of [42, null, "gen_fn"]) {
    try {
      aio.coroutine(bad);
      print("accepted?");
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print("TypeError for", repr(bad));
    }
  }
  print("the loop goes on:", yield* aio.sleep(0, "ok"));
});
