import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// CPython test_futures2.FutureTests.test_future_traceback, from more sides: one exception
// stored in a future (and in a task) reaches every way of getting at it as the very same
// object, again and again: several tasks waiting on the future when it fails (woken in the
// order they started waiting), result() and exception() afterwards, gather (failing, and with
// returnExceptions), waitFor, shield, a second task awaiting the failed task, and the
// future's done callbacks. (The traceback count the test checks is Python-only.)

const Boom = errorClass("Boom");

function section(name) {
  print("==", name);
}

const waiter = aio.coroutine(async function waiter(tag, fut, excBox) {
  try {
    await fut;
  } catch (e) {
    if (!(e instanceof Boom)) throw e;
    print("  ", tag, "got", e.name, e.message, "same", e === excBox[0]);
  }
});

const fails = aio.coroutine(async function fails(exc) {
  await aio.sleep(0);
  throw exc;
});

const awaitsTask = aio.coroutine(async function awaits_task(t, exc) {
  try {
    await t;
  } catch (e) {
    if (!(e instanceof Boom)) throw e;
    return e === exc;
  }
});

const main = aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();
  section("test_future_traceback: waiters on one future");
  const fut = loop.createFuture();
  const exc = new Boom("stored");
  const box = [exc];
  fut.addDoneCallback((f) => print("   done callback: exception is it", f.exception() === exc));
  const ws = [0, 1, 2].map((i) => aio.createTask(waiter("waiter" + i, fut, box)));
  await aio.sleep(0);
  loop.callSoon(fut.setException.bind(fut), exc);
  await aio.gather(...ws);
  for (let i = 0; i < 3; i++) {
    try {
      fut.result();
    } catch (e) {
      if (!(e instanceof Boom)) throw e;
      print("   result() raises it", e === exc, "exception() is it", fut.exception() === exc);
    }
  }

  section("test_future_traceback: compositions");
  const r = await aio.gather(fut, fut, { returnExceptions: true });
  print("   gather(return_exceptions) both it", r[0] === exc && r[1] === exc);
  for (const [label, make] of [["gather", () => aio.gather(fut)],
    ["wait_for", () => aio.waitFor(fut, 1)],
    ["shield", () => aio.shield(fut)]]) {
    try {
      await make();
    } catch (e) {
      if (!(e instanceof Boom)) throw e;
      print("  ", label, "raises it", e === exc);
    }
  }

  section("test_future_traceback: a task");
  const texc = new Boom("from task");
  const t = aio.createTask(fails(texc));
  const others = [0, 1].map(() => aio.createTask(awaitsTask(t, texc)));
  for (let i = 0; i < 3; i++) {
    try {
      await t;
    } catch (e) {
      if (!(e instanceof Boom)) throw e;
      print("   await task", i, "raises it", e === texc);
    }
  }
  print("   other tasks saw it", await aio.gather(...others));
});

await aio.run(main);
