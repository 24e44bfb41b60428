import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class OSError extends Error { constructor(m) { super(m ?? ""); this.name = "OSError"; } }
class LookupError extends Error { constructor(m) { super(m ?? ""); this.name = "LookupError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const isGroup = (e) => e instanceof aio.ExceptionGroup;

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const child = aio.coroutine(async function (name, n = null, onCancel = null) {
  try {
    if (n === null) await aio.sleep(10);
    else await ticks(n);
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

await aio.run(async function () {
  const me = aio.currentTask();

  print("-- the body raises after creating children");
  let a, b, c, d, g;
  try {
    await aio.taskGroup(async function (tg) {
      a = tg.createTask(child("a", 1));
      b = tg.createTask(child("b"));
      await ticks(2);
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
    await aio.taskGroup(async function (tg) {
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
    await aio.taskGroup(async function (tg) {
      d = tg.createTask(child("d", null, new OSError("cleanup failed")));
      await ticks(1);
      throw new ValueError("body2");
    });
  } catch (eg) {
    if (!isGroup(eg)) throw eg;
    show(eg);
  }

  print("-- create_task after the group finished");
  let tg1;
  await aio.taskGroup(async function (tg) {
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
    await aio.taskGroup(async function (tg) {
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
  const spawner = aio.coroutine(async function () {
    try {
      await aio.sleep(10);
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
    await aio.taskGroup(async function (tg3) {
      holder = tg3;
      tg3.createTask(spawner());
      await ticks(1);
      throw new ValueError("stop");
    });
  } catch (eg) {
    if (!isGroup(eg)) throw eg;
    show(eg);
  }

  print("-- create_task while the group is exiting normally (allowed)");
  const spawner2 = aio.coroutine(async function (tg) {
    await ticks(1);
    print("spawning from a child while the body has exited");
    tg.createTask(child("grandchild", 1));
    return "sp2";
  });
  let tg4;
  await aio.taskGroup(async function (tg) {
    tg4 = tg;
    tg.createTask(spawner2(tg));
  });
  print("tg4 done", repr(tg4));

  print("-- body returns normally, a child fails after the body finished");
  const failer = aio.coroutine(async function () {
    await ticks(2);
    throw new ValueError("late failure");
  });
  try {
    await aio.taskGroup(async function (tg5) {
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
  const cancelsItself = aio.coroutine(async function () {
    await aio.taskGroup(async function (tg) {
      tg.createTask(child("h"));
      await ticks(1);
      throw new aio.CancelledError("self-made");
    });
  });
  const t = aio.createTask(cancelsItself());
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("task ended cancelled", repr(str(e)), t.cancelled());
  }

  print("-- the body raises after a child already failed");
  try {
    await aio.taskGroup(async function (tg6) {
      tg6.createTask(child("i", 0, null));
      const boom = aio.coroutine(async function () {
        throw new LookupError("child boom");
      });
      tg6.createTask(boom());
      try {
        await ticks(3);
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
