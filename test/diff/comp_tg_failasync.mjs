import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError, ZeroDivisionError, OSError, tname } from "./comp_util.mjs";

const events = [];
const isCancel = (e) => e instanceof aio.CancelledError;

const sibling = aio.coroutine(async function (name, delay, onCancel = null) {
  try {
    await aio.sleep(delay);
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

const failing = aio.coroutine(async function (name, delay, exc) {
  await aio.sleep(delay);
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
      s1 = tg.createTask(sibling("s1", 0.05));
      s2 = tg.createTask(sibling("s2", 0.05));
      fast = tg.createTask(sibling("fast", 0.001));
      f = tg.createTask(failing("f", 0.005, new ValueError("child failed")));
      try {
        await aio.sleep(0.05);
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
      tg.createTask(failing("f1", 0.002, new ValueError("one")));
      tg.createTask(sibling("s3", 0.05, new ZeroDivisionError("while cancelled")));
      print("body waits in __aexit__");
    });
  } catch (e) {
    expectGroup(e);
  }
  flush();

  print("-- the body raises");
  try {
    await aio.taskGroup(async function (tg) {
      tg.createTask(sibling("s4", 0.05));
      await aio.sleep(0.001);
      throw new aio.RuntimeError("body failed");
    });
  } catch (e) {
    expectGroup(e);
  }
  flush();

  print("-- the body raises after a child failed");
  try {
    await aio.taskGroup(async function (tg) {
      tg.createTask(failing("f2", 0.001, new ValueError("child")));
      try {
        await aio.sleep(0.05);
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
      tg.createTask(sibling("s5", 0.05));
      tg.createTask(failing("f3", 0.005, new ValueError("late")));
      return "body value";
    });
  } catch (e) {
    expectGroup(e);
  }
  flush();

  print("-- create_task while shutting down");
  const trySpawn = aio.coroutine(async function (tg) {
    try {
      await aio.sleep(0.05);
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
      tg.createTask(failing("f4", 0.002, new ValueError("x")));
    });
  } catch (e) {
    expectGroup(e);
  }

  print("-- nested groups: the inner group's error reaches the outer group");
  try {
    await aio.taskGroup(async function (outer) {
      outer.createTask(sibling("outer-sib", 0.05));
      const inner = aio.coroutine(async function () {
        await aio.taskGroup(async function (tg) {
          tg.createTask(failing("deep", 0.002, new ValueError("deep")));
          tg.createTask(sibling("inner-sib", 0.05));
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
