import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError, ZeroDivisionError, OSError, tname } from "./comp_util.mjs";

// Ordering is driven by loop iterations (sleep(0) = one iteration), never by wall-clock time;
// n=null means "until cancelled".
const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const events = [];
const isCancel = (e) => e instanceof aio.CancelledError;

const sibling = aio.coroutine(async function (name, n, onCancel = null) {
  try {
    if (n === null) await aio.sleep(10);
    else await ticks(n);
  } catch (e) {
    if (isCancel(e)) {
      events.push("cancelled " + name);
      if (onCancel !== null) throw onCancel;
    }
    throw e;
  }
  print("sibling end", name);
  return name;
});

const failing = aio.coroutine(async function (name, n, exc) {
  await ticks(n);
  print("failing raises", name);
  throw exc;
});

function showGroup(eg) {
  print("group", tname(eg), repr(str(eg)), eg.errors.map(tname), eg.errors.map(str));
}

function flush() {
  print("events", [...events].sort());
  events.length = 0;
}

function expectGroup(e) {
  if (!(e instanceof aio.ExceptionGroup)) throw e;
  showGroup(e);
}

await aio.run(async () => {
  print("-- one child fails: siblings and the body are cancelled");
  let s1, s2, fast, f;
  try {
    await aio.taskGroup(async function (tg) {
      s1 = tg.createTask(sibling("s1", null));
      s2 = tg.createTask(sibling("s2", null));
      fast = tg.createTask(sibling("fast", 1));
      f = tg.createTask(failing("f", 3, new ValueError("child failed")));
      try {
        await aio.sleep(10);
      } catch (e) {
        if (isCancel(e)) print("body cancelled");
        throw e;
      }
    });
  } catch (e) {
    expectGroup(e);
  }
  flush();
  print("states", s1.cancelled(), s2.cancelled(), fast.result(), repr(f.exception()));
  print("cancelling", aio.currentTask().cancelling());

  print("-- two children fail in turn");
  try {
    await aio.taskGroup(async function (tg) {
      tg.createTask(failing("f1", 1, new ValueError("one")));
      tg.createTask(sibling("s3", null, new ZeroDivisionError("while cancelled")));
      print("body waits in __aexit__");
    });
  } catch (e) {
    expectGroup(e);
  }
  flush();

  print("-- the body raises");
  try {
    await aio.taskGroup(async function (tg) {
      tg.createTask(sibling("s4", null));
      await ticks(1);
      throw new aio.RuntimeError("body failed");
    });
  } catch (e) {
    expectGroup(e);
  }
  flush();

  print("-- the body raises after a child failed");
  try {
    await aio.taskGroup(async function (tg) {
      tg.createTask(failing("f2", 1, new ValueError("child")));
      try {
        await aio.sleep(10);
      } catch (e) {
        if (isCancel(e)) throw new OSError("body replaced the cancellation");
        throw e;
      }
    });
  } catch (e) {
    expectGroup(e);
  }
  flush();

  print("-- a child fails after the body finished");
  try {
    await aio.taskGroup(async function (tg) {
      tg.createTask(sibling("s5", null));
      tg.createTask(failing("f3", 2, new ValueError("late")));
      return "body value";
    });
  } catch (e) {
    expectGroup(e);
  }
  flush();

  print("-- create_task while shutting down");
  const trySpawn = aio.coroutine(async function (tg) {
    try {
      await aio.sleep(10);
    } catch (e) {
      if (isCancel(e)) {
        try {
          tg.createTask(sibling("never", 0));
        } catch (e2) {
          if (!(e2 instanceof aio.RuntimeError)) throw e2;
          print("RuntimeError", str(e2));
        }
      }
      throw e;
    }
  });
  try {
    await aio.taskGroup(async function (tg) {
      tg.createTask(trySpawn(tg));
      tg.createTask(failing("f4", 1, new ValueError("x")));
    });
  } catch (e) {
    expectGroup(e);
  }

  print("-- nested groups: the inner group's error reaches the outer group");
  try {
    await aio.taskGroup(async function (outer) {
      outer.createTask(sibling("outer-sib", null));
      const inner = aio.coroutine(async function () {
        await aio.taskGroup(async function (tg) {
          tg.createTask(failing("deep", 1, new ValueError("deep")));
          tg.createTask(sibling("inner-sib", null));
        });
      });
      outer.createTask(inner());
    });
  } catch (e) {
    expectGroup(e);
    showGroup(e.errors[0]);
  }
  flush();
});
