import * as aio from "aionode";
import { print, repr, str, pyStr } from "./pyfmt.mjs";

const mk = (name, keyLike = false) =>
  class extends Error { constructor(m) { super(keyLike ? pyStr(m) : m ?? ""); this.name = name; } };
const ValueError = mk("ValueError");
const OSError = mk("OSError");
const KeyError = mk("KeyError", true); // str(KeyError('x')) is "'x'"
const LookupError = mk("LookupError");
const IndexError = mk("IndexError");
const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

// failAt null: sleep until cancelled; else fail after that many ticks.
const worker = aio.coroutine(async function (name, failAt = null, onCancel = null, Exc = ValueError) {
  try {
    if (failAt === null) {
      await aio.sleep(10);
    } else {
      await ticks(failAt);
      print("  fail", name);
      throw new Exc(name);
    }
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  cancelled", name, "cancelling", aio.currentTask().cancelling());
    if (onCancel !== null) throw new onCancel(name + "-cleanup");
    throw e;
  }
  return name;
});

function fmt(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(str(e))}, [${e.errors.map(fmt).join(", ")}])`;
  return `${e.name}(${repr(str(e))})`;
}

const scenario = aio.coroutine(async function (label, coro) {
  print("--", label);
  const runner = aio.coroutine(async function () {
    const me = aio.currentTask();
    try {
      const r = await coro;
      print("  result", repr(r));
    } catch (e) {
      if (isCancel(e)) print("  CancelledError", repr(str(e)));
      else print("  raised", fmt(e));
    }
    // 3.11 uncancels the parent only when its group starts exiting: a child failing after
    // that leaves the parent's count raised.
    print("  cancelling", me.cancelling());
  });
  await aio.createTask(runner());
});

await aio.run(async function () {
  const a1 = aio.coroutine(async function () {
    await aio.taskGroup(async function (outer) {
      outer.createTask(worker("o1"));
      await aio.taskGroup(async function (inner) {
        inner.createTask(worker("i1", 1));
        inner.createTask(worker("i2"));
        await ticks(5);
      });
      print("  not reached a1");
    });
  });
  await scenario("inner child fails first: outer gets the inner group as its body error", a1());

  const a2 = aio.coroutine(async function () {
    await aio.taskGroup(async function (outer) {
      outer.createTask(worker("o1", 1));
      await aio.taskGroup(async function (inner) {
        inner.createTask(worker("i1", null, OSError));
        inner.createTask(aio.sleep(10)); // silent: the order of an abort's cancels follows a set's order
        await ticks(5);
      });
      print("  not reached a2");
    });
  });
  await scenario("outer child fails first; an inner child turns its cancellation into an error", a2());

  const a3 = aio.coroutine(async function () {
    await aio.taskGroup(async function (outer) {
      outer.createTask(worker("o1"));
      await aio.taskGroup(async function (inner) {
        inner.createTask(worker("i1", null));
        await ticks(5);
      });
      print("  not reached a3");
    });
  });
  const a3Wrap = aio.coroutine(async function () {
    await aio.taskGroup(async function (outer) {
      outer.createTask(worker("o0", 1, null, KeyError));
      await a3();
    });
  });
  await scenario("outer child fails, inner group ends cleanly cancelled", a3Wrap());

  const a4 = aio.coroutine(async function () {
    await aio.taskGroup(async function (outer) {
      outer.createTask(worker("o1", 1));
      await aio.taskGroup(async function (inner) {
        inner.createTask(worker("i1", 1));
        await ticks(5);
      });
      print("  not reached a4");
    });
  });
  await scenario("inner and outer children fail in the same iteration (outer created first)", a4());

  const a5 = aio.coroutine(async function () {
    await aio.taskGroup(async function (outer) {
      await aio.taskGroup(async function (inner) {
        inner.createTask(worker("i1", 1));
        outer.createTask(worker("o1", 1));
        await ticks(5);
      });
      print("  not reached a5");
    });
  });
  await scenario("same iteration, inner child created first", a5());

  const a6 = aio.coroutine(async function () {
    await aio.taskGroup(async function (outer) {
      outer.createTask(worker("o1", 3));
      try {
        await aio.taskGroup(async function (inner) {
          inner.createTask(worker("i1", 1, null, LookupError));
          await ticks(5);
        });
      } catch (eg) {
        if (!(eg instanceof aio.ExceptionGroup)) throw eg;
        print("  outer body caught", fmt(eg));
      }
      print("  outer body goes on");
      await ticks(5);
      print("  not reached a6");
    });
  });
  await scenario("outer body catches the inner group, then an outer child fails", a6());

  const a7 = aio.coroutine(async function () {
    await aio.taskGroup(async function (outer) {
      outer.createTask(worker("o1"));
      await aio.taskGroup(async function (inner) {
        inner.createTask(worker("i1"));
        await ticks(1);
        throw new TypeError("inner body");
      });
    });
  });
  await scenario("inner body raises: both groups wrap it", a7());

  const a8 = aio.coroutine(async function () {
    await aio.taskGroup(async function (g1) {
      g1.createTask(worker("l1", 4));
      await aio.taskGroup(async function (g2) {
        g2.createTask(worker("l2", 2, null, KeyError));
        await aio.taskGroup(async function (g3) {
          g3.createTask(worker("l3", 1, null, IndexError));
          await ticks(10);
        });
      });
    });
  });
  await scenario("three levels, innermost fails first", a8());

  const a9 = aio.coroutine(async function () {
    await aio.taskGroup(async function (g1) {
      g1.createTask(worker("l1", 1));
      await aio.taskGroup(async function (g2) {
        g2.createTask(worker("l2", null, KeyError));
        await aio.taskGroup(async function (g3) {
          g3.createTask(worker("l3", null, IndexError));
          await ticks(10);
        });
      });
    });
  });
  await scenario("three levels, outermost fails first, inner cleanups fail", a9());

  const childGroup = aio.coroutine(async function (name, failAt) {
    await aio.taskGroup(async function (g) {
      g.createTask(worker(name + "a", failAt));
      g.createTask(worker(name + "b", null));
    });
    return name;
  });

  const a10 = aio.coroutine(async function () {
    await aio.taskGroup(async function (outer) {
      outer.createTask(childGroup("x", 1));
      outer.createTask(childGroup("y", 2));
      outer.createTask(worker("z", 3));
    });
    print("  not reached a10");
  });
  await scenario("children that run their own groups: group errors from children", a10());

  const a11 = aio.coroutine(async function () {
    await aio.taskGroup(async function (outer) {
      outer.createTask(worker("c2", 2, null, KeyError));
      outer.createTask(worker("c1", 1, null, IndexError));
      outer.createTask(worker("c3", null, OSError));
      outer.createTask(worker("c4", 1, null, LookupError));
      await ticks(5);
    });
  });
  await scenario("error order: completion order, cleanup errors after", a11());

  const a12 = aio.coroutine(async function () {
    await aio.taskGroup(async function (outer) {
      outer.createTask(worker("c1", 0));
      outer.createTask(worker("c2", 0, null, KeyError));
      throw new IndexError("body");
    });
  });
  await scenario("body raises before children start; children fail at their first step", a12());
});
