import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError, errorClass } from "./task_util.mjs";

// One exception object on its way out of a task: the same object comes back from exception(),
// from every await of the task (two awaiters, and an await after it is done), from gather()
// (failing, and with returnExceptions), shield(), waitFor(), asCompleted() and wait()'s done
// set; an exception thrown again by an awaiter after catching it, and one wrapped in another
// whose cause is the first ({ cause: e }, Python's raise X from e); waitFor's TimeoutError has
// as cause the very CancelledError the inner task re-raised, and an inner task that turns the
// cancellation into a ValueError makes waitFor throw that ValueError. timeout()'s TimeoutError
// has the CancelledError its body saw as cause.

const box = {};
const Wrapped = errorClass("Wrapped");

const failer = aio.coroutine(async function failer(key, delay = 0.01) {
  await aio.sleep(delay);
  const e = new ValueError("boom " + key);
  box[key] = e;
  throw e;
});

const converter = aio.coroutine(async function converter(key) {
  try {
    await aio.sleep(1);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    box[key + "-cancel"] = e;
    const e2 = new ValueError("converted " + key);
    box[key] = e2;
    throw e2;
  }
});

const catcher = aio.coroutine(async function catcher(label, aw, key, mode) {
  try {
    await aw;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("   ", label, "caught", repr(e), "same object", e === box[key]);
    if (mode === "reraise") throw e;
    if (mode === "wrap") throw new Wrapped("wrapped " + key, { cause: e });
    return e;
  }
});

const main = aio.coroutine(async function main() {
  print("-- two awaiters and exception()");
  let t = aio.createTask(failer("A"));
  const a1 = aio.createTask(catcher("a1", t, "A", "reraise"));
  const a2 = aio.createTask(catcher("a2", t, "A", "wrap"));
  const a3 = aio.createTask(catcher("a3", t, "A", "return"));
  await aio.wait([a1, a2, a3]);
  print("  t.exception() is it", t.exception() === box.A);
  print("  a1 re-raised the same", a1.exception() === box.A);
  const w = a2.exception();
  print("  a2", repr(w), "cause is it", w.cause === box.A);
  print("  a3 returned it", a3.result() === box.A);
  await catcher("after done", t, "A", "return");

  print("-- gather, shield, wait_for, as_completed, wait");
  t = aio.createTask(failer("B"));
  const r = await aio.gather(t, { returnExceptions: true });
  print("  gather(return_exceptions) item is it", r[0] === box.B);
  await catcher("gather", aio.gather(t), "B", "return");
  t = aio.createTask(failer("C"));
  await catcher("shield", aio.shield(t), "C", "return");
  await catcher("wait_for", aio.waitFor(failer("D"), 1), "D", "return");
  t = aio.createTask(failer("E"));
  for (const aw of aio.asCompleted([t])) await catcher("as_completed", aw, "E", "return");
  t = aio.createTask(failer("F"));
  const [done] = await aio.wait([t]);
  print("  wait: done task's exception is it", [...done][0].exception() === box.F);

  print("-- wait_for timeout: causes");
  t = aio.createTask(aio.sleep(1));
  box.G = null;
  try {
    await aio.waitFor(t, 0.01);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    const c = e.cause;
    print("  TimeoutError cause", c.name, repr(str(c)), "task cancelled", t.cancelled());
  }
  await catcher("converter", aio.waitFor(converter("H"), 0.01), "H", "return");
  print("  the cancellation it saw", repr(box["H-cancel"]));

  print("-- asyncio.timeout()");
  const seen = {};
  try {
    await aio.timeout(0.01, async function () {
      try {
        await aio.sleep(1);
      } catch (e) {
        seen.c = e;
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("  TimeoutError cause is the block's CancelledError", e.cause === seen.c, repr(str(e)));
  }
  print("  cancelling", aio.currentTask().cancelling());
  print("loop goes on", await aio.sleep(0, "ok"));
});

await aio.run(main);
