// Async-function twin of adv5_comp_bad_args.py. Messages are compared up to their ", got ..." part (aionode
// names the value's type there), with "aionode" read as "asyncio"; where asyncio raises
// ValueError for another loop's future aionode raises RuntimeError (README), so only the message
// is printed.
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class KeyError extends Error { constructor(m) { super(m ?? ""); this.name = "KeyError"; } }

const msg = (e) => str(e).split(", got")[0].replace("An aionode Future", "An asyncio.Future");

const c = aio.coroutine(async function (name, fail = false) {
  print("run", name);
  if (fail) throw new KeyError(name);
  return name;
});

function handler(loop, ctx) {
  print("handler:", ctx.message, repr(ctx.exception));
}

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler(handler);
  const other = aio.newEventLoop();

  print("-- gather with a bad argument after a coroutine: the coroutine still runs");
  for (const [bad, r] of [[42, "42"], [null, "None"], ["str", "'str'"], [1.5, "1.5"], [true, "True"]]) {
    try {
      aio.gather(c("before-" + r), bad);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print("gather TypeError", repr(msg(e)));
    }
    await aio.sleep(0);
  }
  print("tasks left", aio.allTasks().size);

  print("-- gather with a bad argument first: nothing runs");
  let co = c("never");
  try {
    aio.gather(42, co);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("gather TypeError", repr(msg(e)));
  }
  await aio.sleep(0);

  print("-- gather(fut, bad): fut keeps gather's callback, which retrieves its exception");
  let f = loop.createFuture();
  try {
    aio.gather(f, Object);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("gather TypeError", repr(msg(e)));
  }
  f.setException(new KeyError("kept"));
  await aio.sleep(0);
  f = null;
  print("no report above");

  print("-- gather(task, bad): the task keeps running, its failure counts as retrieved");
  let t = aio.createTask(c("t-fails", true));
  try {
    aio.gather(t, 7);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("gather TypeError", repr(msg(e)));
  }
  await aio.sleep(0);
  print("t", t.done(), repr(t.exception()));
  t = null;

  print("-- shield / ensure_future / wait_for / create_task with non-awaitables");
  for (const [label, fn] of [
    ["shield(42)", () => aio.shield(42)],
    ["shield(None)", () => aio.shield(null)],
    ["ensure_future('x')", () => aio.ensureFuture("x")],
    ["ensure_future(3.5)", () => aio.ensureFuture(3.5)],
    ["create_task(42)", () => aio.createTask(42)],
    ["create_task(None)", () => aio.createTask(null)],
    ["create_task('s')", () => aio.createTask("s")],
  ]) {
    try {
      fn();
      print(label, "accepted?");
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print(label, "TypeError", repr(msg(e)));
    }
  }
  for (const [label, fn] of [["wait_for(42, 1)", () => aio.waitFor(42, 1)],
                             ["wait_for(None, 5)", () => aio.waitFor(null, 5)],
                             ["wait_for('s', 0)", () => aio.waitFor("s", 0)]]) {
    try {
      await fn();
      print(label, "accepted?");
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print(label, "TypeError", repr(msg(e)));
    }
  }
  for (const [label, arg] of [["as_completed([42])", [42]], ["as_completed([None])", [null]]]) {
    try {
      for (const x of aio.asCompleted(arg)) print("got", x);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print(label, "TypeError", repr(msg(e)));
    }
  }

  print("-- wait with wrong containers and members: TypeError");
  co = c("w");
  for (const [label, fn] of [["wait(42)", () => aio.wait(42)],
                             ["wait(fut)", () => aio.wait(loop.createFuture())],
                             ["wait(coro)", () => aio.wait(co)],
                             ["wait([coro])", () => aio.wait([co])]]) {
    try {
      await fn();
      print(label, "accepted?");
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print(label, "TypeError");
    }
  }
  for (const [label, arg] of [["as_completed(fut)", loop.createFuture()], ["as_completed(42)", 42]]) {
    try {
      for (const x of aio.asCompleted(arg)) print("got", x);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print(label, "TypeError");
    }
  }

  print("-- futures of another loop");
  const of = other.createFuture();
  try {
    aio.gather(c("g-before-other"), of);
  } catch (e) {
    print("gather(coro, other)", repr(str(e)));
  }
  await aio.sleep(0);
  const g = aio.gather(of, of);
  print("gather(other, other)", String(g), g.getLoop() === other, g.getLoop() === loop);
  const s = aio.shield(of);
  print("shield(other)", s.getLoop() === other, s.done());
  try {
    aio.ensureFuture(of, loop);
  } catch (e) {
    print("ensure_future(other, loop)", repr(str(e)));
  }
  print("ensure_future(other) is other", aio.ensureFuture(of) === of);
  for (const [label, fn] of [["wait_for(other, 1)", () => aio.waitFor(of, 1)],
                             ["wait_for(other, 0)", () => aio.waitFor(of, 0)]]) {
    try {
      await fn();
    } catch (e) {
      print(label, repr(str(e)));
    }
  }
  try {
    await aio.waitFor(of, null);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("wait_for(other, None) RuntimeError", str(e).includes("attached to a different loop"));
  }
  try {
    for (const x of aio.asCompleted([of])) await x;
  } catch (e) {
    print("as_completed([other])", repr(str(e)));
  }
  print("of", of.done(), "g", g.done());

  print("-- the loop still works");
  const t1 = aio.createTask(c("a"));
  const res = await aio.gather(t1, c("b"), aio.sleep(0, "s"), { returnExceptions: true });
  print("res", res);
  const [done, pending] = await aio.wait([t1], { timeout: 0 });
  print("wait", done.size, pending.size);
  print("wait_for", await aio.waitFor(c("wf"), 1));
  print("shield", await aio.shield(c("sh")));
  print("tasks left", aio.allTasks().size);
  other.close();
});
