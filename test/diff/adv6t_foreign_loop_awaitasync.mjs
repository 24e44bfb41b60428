import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// A task awaiting futures and tasks of another loop. Done ones (a result, an exception, a
// cancellation with a message, a task that ran to completion on the other loop) give their
// outcome at once, with no suspension and no loop check, as awaiting any done future does.
// Pending ones: RuntimeError thrown in at the task's next step, from two coroutines deep; the
// task then goes on (its cancelling() untouched, a later cancel() delivered as usual). shield()
// and gather() of a pending foreign future make their outer on the other loop (the await fails
// the same way); shield() of a done one returns it. A cancel() queued before the await of a
// pending one runs first: the CancelledError replaces the RuntimeError.

const other = aio.newEventLoop();
let ticks = 0;

const ticker = aio.coroutine(async function ticker() {
  for (;;) {
    await aio.sleep(0);
    ticks += 1;
  }
});

const madeOnOther = aio.coroutine(async function made_on_other(v) {
  await aio.sleep(0);
  return v;
});

const inner = aio.coroutine(async function inner(aw) {
  const t0 = ticks;
  try {
    const r = await aw;
    print("    got", repr(r), "ticks", ticks - t0);
  } catch (e) {
    if (e instanceof aio.RuntimeError) print("    RuntimeError", str(e), "ticks", ticks - t0);
    else if (e instanceof ValueError) print("    ValueError", repr(str(e)), "ticks", ticks - t0);
    else if (e instanceof aio.CancelledError) print("    CancelledError", repr(str(e)), "ticks", ticks - t0, "cancelling", aio.currentTask().cancelling());
    else throw e;
  }
});

const outer = aio.coroutine(async function outer(aws) {
  for (const [label, aw] of aws) {
    print("  ", label);
    if (label.startsWith("cancel queued")) aio.getRunningLoop().callSoon((me, msg) => me.cancel(msg), aio.currentTask(), "queued first");
    await inner(aw);
  }
  const me = aio.currentTask();
  print("  after all: cancelling", me.cancelling(), "current is me", aio.currentTask() === me);
  try {
    await aio.sleep(1);
  } catch (e) {
    if (e instanceof aio.CancelledError) print("  cancelled afterwards", repr(str(e)), "cancelling", me.cancelling());
    throw e;
  }
});

let doneTask;

const main = aio.coroutine(async function main() {
  const tk = aio.createTask(ticker());
  await aio.sleep(0);
  const fd = other.createFuture();
  fd.setResult("done on other");
  const fe = other.createFuture();
  fe.setException(new ValueError("failed on other"));
  const fc = other.createFuture();
  fc.cancel("cancelled on other");
  const fp = other.createFuture();
  const fp2 = other.createFuture();
  const aws = [
    ["done future", fd],
    ["failed future", fe],
    ["cancelled future", fc],
    ["task finished on other", doneTask],
    ["pending future", fp],
    ["shield of pending", aio.shield(fp2)],
    ["gather of pending", aio.gather(fp2)],
    ["shield of done", aio.shield(fd)],
    ["done future again", fd],
    ["cancel queued, then a pending future", fp],
  ];
  const t = aio.createTask(outer(aws), { name: "T" });
  for (let i = 0; i < 10; i++) await aio.sleep(0);
  print("T", String(t));
  print("cancel ->", t.cancel("stop T"));
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("T ended", repr(str(e)));
  }
  print("foreign ones untouched:", fp.done(), fp2.done(), fd.result());
  tk.cancel();
  print("loop goes on", await aio.sleep(0, "ok"));
});

doneTask = other.createTask(madeOnOther("other's value"), { name: "O" });
await other.runUntilComplete(doneTask);
print("O", String(doneTask));
await aio.run(main);
other.close();
