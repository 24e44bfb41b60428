import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass, ValueError } from "./task_util.mjs";

// result()/exception()/done()/cancelled() and the setters in every state of a bare future:
// pending, finished with a result, finished with an exception (a class given to setException
// becomes an instance; a CancelledError given to it is an exception, not a cancellation),
// cancelled with and without a message. Every setter on a done future raises InvalidStateError
// and changes nothing; cancel() of a done future returns False and keeps the old message.
const KeyError = errorClass("KeyError");

function attempt(label, fn) {
  try {
    print(label, "->", repr(fn()));
  } catch (e) {
    print(label, "raised", e.name, repr(str(e)));
  }
}

function state(label, f) {
  print(label, "done", f.done(), "cancelled", f.cancelled(), String(f));
  attempt("  result", () => f.result());
  attempt("  exception", () => f.exception());
  attempt("  set_result", () => f.setResult("late"));
  attempt("  set_exception", () => f.setException(new ValueError("late")));
  attempt("  set_exception class", () => f.setException(KeyError));
  attempt("  cancel", () => f.cancel());
  attempt("  cancel msg", () => f.cancel("late msg"));
  print("  after", f.done(), f.cancelled(), String(f));
  attempt("  result again", () => f.result());
}

const awaiter = aio.coroutine(async function (f, label) {
  try {
    const v = await f;
    print(label, "got", repr(v));
  } catch (x) {
    if (x instanceof aio.CancelledError) print(label, "CancelledError", repr(str(x)));
    else print(label, "raised", x.name, repr(str(x)));
  }
});

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const p = loop.createFuture();
  print("pending", p.done(), p.cancelled(), String(p));
  attempt("  result", () => p.result());
  attempt("  exception", () => p.exception());
  attempt("  result twice", () => p.result());
  p.setResult(null);
  state("result None", p);

  const r = loop.createFuture();
  r.setResult([1, "two", null]);
  state("result list", r);

  const e = loop.createFuture();
  const err = new ValueError("boom");
  e.setException(err);
  state("exception", e);
  print("  same object", e.exception() === err);

  const k = loop.createFuture();
  k.setException(KeyError);
  print("class given:", String(k), k.exception().name, repr(str(k.exception())));
  const k2 = loop.createFuture();
  k2.setException(aio.TimeoutError);
  print("TimeoutError class:", String(k2), k2.exception().name);

  const ce = loop.createFuture();
  ce.setException(new aio.CancelledError("as exception"));
  state("CancelledError set as exception", ce);

  const ce2 = loop.createFuture();
  ce2.setException(aio.CancelledError);
  print("CancelledError class:", String(ce2), ce2.cancelled(), repr(ce2.exception()));

  const c0 = loop.createFuture();
  print("cancel no msg ->", c0.cancel());
  state("cancelled", c0);

  const c1 = loop.createFuture();
  print("cancel msg ->", c1.cancel("the reason"));
  state("cancelled msg", c1);

  const c2 = loop.createFuture();
  print("cancel then cancel:", c2.cancel("first"), c2.cancel("second"));
  attempt("  message kept", () => c2.result());

  for (const [f, label] of [[r, "r"], [e, "e"], [ce, "ce"], [c1, "c1"], [c0, "c0"]]) {
    await awaiter(f, label);
  }
  const w = loop.createFuture();
  const t = aio.ensureFuture(awaiter(w, "w"));
  await aio.sleep(0);
  w.setException(new aio.CancelledError("thrown in"));
  await t;
  print("task", t.done(), t.cancelled());
  await aio.sleep(0);
  print("loop still works", await aio.sleep(0, "yes"));
});
