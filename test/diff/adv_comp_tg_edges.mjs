import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class OSError extends Error { constructor(m) { super(m ?? ""); this.name = "OSError"; } }
class LookupError extends Error { constructor(m) { super(m ?? ""); this.name = "LookupError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const isGroup = (e) => e instanceof aio.ExceptionGroup;

const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const child = aio.coroutine(function* (name, n = null, onCancel = null) {
  try {
    if (n === null) yield* aio.sleep(10);
    else yield* ticks(n);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("child", name, "cancelled", repr(str(e)));
    if (onCancel !== null) throw onCancel;
    throw e;
  }
  print("child", name, "done");
  return name;
});

function show(eg) {
  print("group", eg.name, repr(str(eg)), eg.errors.map((e) => e.name + ":" + str(e)));
}

await aio.run(function* () {
  const me = aio.currentTask();

  print("-- the body raises after creating children");
  let a, b, c, d, g;
  try {
    yield* aio.taskGroup(function* (tg) {
      a = tg.createTask(child("a", 1));
      b = tg.createTask(child("b"));
      yield* ticks(2);
      print("a done", a.done());
      throw new ValueError("body");
    });
  } catch (eg) {
    if (!isGroup(eg)) throw eg;
    show(eg);
  }
  print("a", a.result(), "b cancelled", b.cancelled(), "cancelling", me.cancelling());

  print("-- the body raises synchronously, children not started yet");
  try {
    yield* aio.taskGroup(function* (tg) {
      c = tg.createTask(child("c", 1));
      throw new TypeError("sync");
    });
  } catch (eg) {
    if (!isGroup(eg)) throw eg;
    show(eg);
  }
  print("c cancelled", c.cancelled());

  print("-- the body raises and a child converts its cancellation into an error");
  try {
    yield* aio.taskGroup(function* (tg) {
      d = tg.createTask(child("d", null, new OSError("cleanup failed")));
      yield* ticks(1);
      throw new ValueError("body2");
    });
  } catch (eg) {
    if (!isGroup(eg)) throw eg;
    show(eg);
  }

  print("-- create_task after the group finished");
  let tg1;
  yield* aio.taskGroup(function* (tg) {
    tg1 = tg;
    tg.createTask(child("e", 1));
  });
  print("repr after", repr(tg1));
  try {
    tg1.createTask(child("never"));
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", repr(str(e)));
  }

  print("-- create_task after the group failed");
  let tg2;
  try {
    yield* aio.taskGroup(function* (tg) {
      tg2 = tg;
      tg.createTask(child("f", 0, null));
      throw new ValueError("x");
    });
  } catch (eg) {
    if (!isGroup(eg)) throw eg;
  }
  try {
    tg2.createTask(child("never2"));
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", repr(str(e)));
  }

  print("-- create_task while shutting down (from a cancelled child)");
  let holder = null;
  const spawner = aio.coroutine(function* () {
    try {
      yield* aio.sleep(10);
    } catch (e) {
      if (!isCancel(e)) throw e;
      try {
        holder.createTask(child("late"));
      } catch (e2) {
        if (!(e2 instanceof aio.RuntimeError)) throw e2;
        print("spawner RuntimeError", repr(str(e2)));
      }
      throw e;
    }
  });
  try {
    yield* aio.taskGroup(function* (tg3) {
      holder = tg3;
      tg3.createTask(spawner());
      yield* ticks(1);
      throw new ValueError("stop");
    });
  } catch (eg) {
    if (!isGroup(eg)) throw eg;
    show(eg);
  }

  print("-- create_task while the group is exiting normally (allowed)");
  const spawner2 = aio.coroutine(function* (tg) {
    yield* ticks(1);
    print("spawning from a child while the body has exited");
    tg.createTask(child("grandchild", 1));
    return "sp2";
  });
  let tg4;
  yield* aio.taskGroup(function* (tg) {
    tg4 = tg;
    tg.createTask(spawner2(tg));
  });
  print("tg4 done", repr(tg4));

  print("-- body returns normally, a child fails after the body finished");
  const failer = aio.coroutine(function* () {
    yield* ticks(2);
    throw new ValueError("late failure");
  });
  try {
    yield* aio.taskGroup(function* (tg5) {
      tg5.createTask(failer());
      g = tg5.createTask(child("g"));
    });
    print("not reached");
  } catch (eg) {
    if (!isGroup(eg)) throw eg;
    show(eg);
  }
  print("g cancelled", g.cancelled(), "cancelling", me.cancelling());

  print("-- the body raises CancelledError itself");
  const cancelsItself = aio.coroutine(function* () {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(child("h"));
      yield* ticks(1);
      throw new aio.CancelledError("self-made");
    });
  });
  const t = aio.createTask(cancelsItself());
  try {
    yield* t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("task ended cancelled", repr(str(e)), t.cancelled());
  }

  print("-- the body raises after a child already failed");
  try {
    yield* aio.taskGroup(function* (tg6) {
      tg6.createTask(child("i", 0, null));
      const boom = aio.coroutine(function* () {
        throw new LookupError("child boom");
      });
      tg6.createTask(boom());
      try {
        yield* ticks(3);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("body cancelled by the group; raising its own error");
        throw new TypeError("body3");
      }
    });
  } catch (eg) {
    if (!isGroup(eg)) throw eg;
    show(eg);
  }
  print("cancelling", me.cancelling());
});
