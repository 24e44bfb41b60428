import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Which CancelledError object comes out where. A task cancelled with a message: the object its
// coroutine caught (and re-raised) is what the first result()/exception()/await of the task
// raises; later calls make a fresh CancelledError without the message (3.11's
// _make_cancelled_error consumes the saved one). A coroutine that raises CancelledError('own')
// or a subclass without being cancelled, one that catches the request and raises a different
// CancelledError, a plain future cancelled with a message (a fresh error, with the message, on
// every call), a gather over a cancelled task, and waitFor's TimeoutError cause.

const caught = {};

class MyCancel extends aio.CancelledError {
  constructor(msg) {
    super(msg);
    this.name = "MyCancel";
  }
}

function grab(fn) {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof aio.CancelledError) return e;
    throw e;
  }
}

function desc(e) {
  if (e === null || e === undefined) return "None";
  return e.name + "(" + repr(str(e)) + ")";
}

const victim = aio.coroutine(function* victim(key, fut) {
  try {
    yield* fut;
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      caught[key] = e;
      print(" ", key, "caught", desc(e));
    }
    throw e;
  }
});

const selfRaiser = aio.coroutine(function* self_raiser(key, Cls, msg) {
  yield* aio.sleep(0);
  const e = new Cls(msg);
  caught[key] = e;
  throw e;
});

const replacer = aio.coroutine(function* replacer(key, fut) {
  try {
    yield* fut;
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      print(" ", key, "caught", desc(e));
      const e2 = new aio.CancelledError("replaced");
      caught[key] = e2;
      throw e2;
    }
    throw e;
  }
});

const awaiter = aio.coroutine(function* awaiter(key, t) {
  try {
    yield* t;
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      print(" ", key, "awaiter got", desc(e), "same as caught", e === caught[key.split("-")[0]]);
      return e;
    }
    throw e;
  }
});

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();

  print("-- cancelled with a message, result() three times");
  let f = loop.createFuture();
  let t = aio.createTask(victim("A", f));
  yield* aio.sleep(0);
  print("cancel ->", t.cancel("msg A"), "f cancelled", f.cancelled());
  yield* aio.sleep(0);
  print("done", t.done(), "cancelled", t.cancelled(), "cancelling", t.cancelling());
  const e1 = grab(() => t.result());
  const e2 = grab(() => t.result());
  const e3 = grab(() => t.exception());
  print("first", desc(e1), "is caught", e1 === caught.A);
  print("second", desc(e2), "is first", e2 === e1);
  print("exception()", desc(e3), "is second", e3 === e2);
  print("f result", desc(grab(() => f.result())), "again", desc(grab(() => f.result())), "same", grab(() => f.result()) === grab(() => f.result()));

  print("-- an awaiter takes the saved error first");
  f = loop.createFuture();
  t = aio.createTask(victim("B", f));
  const w = aio.createTask(awaiter("B-w", t));
  yield* aio.sleep(0);
  t.cancel("msg B");
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("w done", w.done(), "w result", desc(w.result()));
  print("t.result now", desc(grab(() => t.result())));

  print("-- the coroutine raises its own CancelledError");
  for (const [key, Cls, msg] of [["C", aio.CancelledError, "own"], ["D", MyCancel, "sub"], ["E", aio.CancelledError, ""]]) {
    t = aio.createTask(selfRaiser(key, Cls, msg));
    yield* aio.sleep(0);
    yield* aio.sleep(0);
    print(key, "cancelled", t.cancelled(), "cancelling", t.cancelling(), "cancel() now", t.cancel("late"));
    const a = grab(() => t.result());
    const b = grab(() => t.result());
    print(key, "first", desc(a), "is raised", a === caught[key], "second", desc(b));
  }

  print("-- catch the request, raise another CancelledError");
  f = loop.createFuture();
  t = aio.createTask(replacer("F", f));
  yield* aio.sleep(0);
  t.cancel("msg F");
  yield* aio.sleep(0);
  let a = grab(() => t.result());
  print("F first", desc(a), "is replaced", a === caught.F, "cancelling", t.cancelling());

  print("-- gather over a cancelled task");
  f = loop.createFuture();
  t = aio.createTask(victim("G", f));
  let g = aio.gather(t);
  yield* aio.sleep(0);
  t.cancel("msg G");
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("g done", g.done(), "cancelled", g.cancelled());
  let ge = grab(() => g.result());
  print("g result", desc(ge), "is caught", ge === caught.G);
  print("t result", desc(grab(() => t.result())));

  f = loop.createFuture();
  t = aio.createTask(victim("H", f));
  g = aio.gather(t, { returnExceptions: true });
  yield* aio.sleep(0);
  t.cancel("msg H");
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  const r = g.result();
  print("H gather(return_exceptions) ->", r.map(desc), "is caught", r[0] === caught.H);

  print("-- wait_for timeout cause");
  f = loop.createFuture();
  t = aio.createTask(victim("I", f));
  try {
    yield* aio.waitFor(t, 0.01);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    const c = e.cause;
    print("TimeoutError cause", desc(c), "is caught", c === caught.I, "t cancelled", t.cancelled());
    print("t result after", desc(grab(() => t.result())));
  }

  print("-- gather(...).cancel(msg) of done children");
  const f1 = loop.createFuture();
  const f2 = loop.createFuture();
  g = aio.gather(f1, f2);
  print("cancel ->", g.cancel("msg J"));
  yield* aio.sleep(0);
  print("f1", desc(grab(() => f1.result())), "f2", desc(grab(() => f2.result())));
  ge = grab(() => g.result());
  print("g", desc(ge), "again", desc(grab(() => g.result())));
  print("loop still works", yield* aio.sleep(0, "yes"));
});

await aio.run(main);
