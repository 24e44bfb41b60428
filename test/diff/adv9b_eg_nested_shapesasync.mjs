import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { ValueError, errorClass } from "./task_util.mjs";
import { rep } from "./adv9b_util.mjs";

// ExceptionGroup shapes from nested TaskGroups, and groups travelling on: three groups nested in
// one task's bodies, where a fast failure two levels down cancels the task, the innermost
// group's body and children turn that cancellation into errors (the innermost group raises its
// group, which the middle one keeps last, after its children's errors); a body that catches an
// inner group and goes on (the cancel request the inner group made stays counted in 3.11); a
// child raising a group of its own (kept whole, a subclass keeps its class); groups as futures'
// exceptions (reprs with nested groups, quotes and newlines in messages), through gather (both
// modes), shield, waitFor and asCompleted (the same object each time); an empty group is
// refused.

const AppError = errorClass("AppError", ValueError);
const Boom = errorClass("Boom");
class MyGroup extends aio.ExceptionGroup {
  constructor(message, errors) {
    super(message, errors);
    this.name = "MyGroup";
  }
}

const isGroup = (e) => e instanceof aio.ExceptionGroup;
const leaves = (e) => (isGroup(e) ? e.errors.flatMap(leaves) : [e]);

function show(label, e) {
  print(label, rep(e));
  print("   str", repr(e.message), "leaves", leaves(e).map((x) => rep(x)));
}

const ticks = aio.coroutine(async function ticks(n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const failAfter = aio.coroutine(async function fail_after(n, exc) {
  await ticks(n);
  throw exc;
});

const raiseOnCancel = aio.coroutine(async function raise_on_cancel(exc, delay = 10) {
  try {
    await aio.sleep(delay);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("   cleanup raises", rep(exc));
    throw exc;
  }
});

const main = aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();

  try {
    new aio.ExceptionGroup("empty", []);
  } catch (e) {
    print("empty group refused:", e.message);
  }

  print("three levels in one task:");
  try {
    await aio.taskGroup(async function (g1) {
      g1.createTask(aio.sleep(10), { name: "l1-sleeper" });
      await aio.taskGroup(async function (g2) {
        g2.createTask(raiseOnCancel(new AppError("l2 cleanup")), { name: "l2-cleanup" });
        g2.createTask(failAfter(3, new Boom("l2 fast")), { name: "l2-fast" });
        await aio.taskGroup(async function (g3) {
          g3.createTask(raiseOnCancel(new AppError("l3 cleanup")), { name: "l3-cleanup" });
          try {
            await aio.sleep(10);
          } catch (e) {
            if (!(e instanceof aio.CancelledError)) throw e;
            print("   l3 body cancelled", repr(e), "cancelling", me.cancelling());
            throw e;
          }
        });
      });
    });
  } catch (e) {
    if (!isGroup(e)) throw e;
    show("  l1 raised", e);
    print("   nesting", e.errors.map((x) => x.name), e.errors.map((x) => x.errors.length));
  }
  print("  main cancelling", me.cancelling(), "uncancel ->", me.cancelling() ? me.uncancel() : null);

  print("a body catches an inner group and goes on:");
  let late;
  await aio.taskGroup(async function (outer) {
    late = outer.createTask(ticks(8), { name: "late" });
    try {
      await aio.taskGroup(async function (inner) {
        inner.createTask(failAfter(1, new AppError("inner a")), { name: "ia" });
        inner.createTask(failAfter(1, new Boom("inner b")), { name: "ib" });
        inner.createTask(raiseOnCancel(new AppError("inner c")), { name: "ic" });
      });
    } catch (e) {
      if (!isGroup(e)) throw e;
      show("  inner raised", e);
    }
    print("  body goes on, cancelling", me.cancelling());
    await aio.sleep(0);
    print("  body awaited again");
  });
  print("  outer done, late done", late.done(), "cancelled", late.cancelled(), "cancelling", me.cancelling());
  if (me.cancelling()) me.uncancel();

  print("children raising groups of their own:");
  const groupHolder = aio.coroutine(async function group_holder() {
    await aio.taskGroup(async function (tg) {
      tg.createTask(failAfter(1, new MyGroup("mine\nline", [new AppError("m1"), new Boom("m2")])), { name: "mine" });
      tg.createTask(failAfter(2, new aio.ExceptionGroup("it's nested", [new aio.ExceptionGroup("deep", [new Boom("d")])])), { name: "deep" });
      tg.createTask(failAfter(3, new AppError("plain")), { name: "plain" });
    });
  });
  const holder = loop.createTask(groupHolder(), { name: "holder" });
  try {
    await holder;
  } catch (e) {
    if (!isGroup(e)) throw e;
    show("  holder raised", e);
    print("   classes", e.errors.map((x) => x.name));
  }
  const eg = holder.exception();
  print("  exception() is the raised one", eg === holder.exception());

  print("the group travelling:");
  const f = loop.createFuture();
  f.setException(eg);
  print("  future", String(f));
  const res = await aio.gather(holder, { returnExceptions: true });
  print("  gather rx same object", res[0] === eg);
  for (const [label, aw] of [["gather", aio.gather(holder)], ["shield", aio.shield(holder)], ["wait_for", aio.waitFor(holder, 1)], ["future", f]]) {
    try {
      await aw;
    } catch (e) {
      if (!isGroup(e)) throw e;
      print("  via", label, "same object", e === eg);
    }
  }
  for (const fut of aio.asCompleted([holder])) {
    try {
      await fut;
    } catch (e) {
      if (!isGroup(e)) throw e;
      print("  via as_completed same object", e === eg);
    }
  }

  print("gather of a failing group task and a failing task:");
  const tgFails = aio.coroutine(async function tg_fails(n) {
    await aio.taskGroup(async function (tg) {
      tg.createTask(failAfter(n, new Boom("in group")));
    });
  });
  for (const [first, second] of [[1, 4], [4, 1]]) {
    const a = loop.createTask(tgFails(first), { name: "tg-task" });
    const b = loop.createTask(failAfter(second, new AppError("alone")), { name: "alone" });
    try {
      await aio.gather(a, b);
    } catch (e) {
      print("  gather", first, second, "raised", rep(e));
    }
    await ticks(6);
    print("  both done", a.done(), b.done(), first === 4 ? rep(a.exception()) : "", second === 4 ? rep(b.exception()) : "");
  }
  print("loop still runs", await aio.sleep(0, "yes"));
});

await aio.run(main);
