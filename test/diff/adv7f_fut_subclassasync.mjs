import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// A Future subclass: its reprs in every state carry the subclass name (also inside a task's
// wait_for= and as another future's result); its "exception was never retrieved" report names
// it; isFuture() is true; a task awaiting it calls the subclass's cancel() override when the task
// is cancelled, and a setResult() override sees the value the user passes.

class Holder extends aio.Future {
  cancel(msg) {
    print("  Holder.cancel", repr(msg), "done", this.done());
    return super.cancel(msg);
  }
  setResult(result) {
    print("  Holder.setResult", repr(result));
    super.setResult(["held", result]);
  }
}

class Quiet extends aio.Future {}

const waiter = aio.coroutine(async function waiter(f) {
  try {
    return await f;
  } catch (e) {
    if (e instanceof aio.CancelledError) print("  waiter cancelled", repr(str(e)));
    throw e;
  }
});

const loop = aio.newEventLoop();
loop.setExceptionHandler((lp, ctx) => print("handler:", ctx.message, repr(ctx.exception), String(ctx.future)));
const h = new Holder(loop);
print(String(h), aio.isFuture(h), h.getLoop() === loop);
h.addDoneCallback(print);
print(String(h));
h.setResult(1);
print(String(h), h.result());
await loop.runUntilComplete(aio.sleep(0));
const q = new Quiet(loop);
q.cancel("quiet");
print(String(q));
const outer = loop.createFuture();
outer.setResult(q);
print(String(outer));

const h2 = new Holder(loop);
const t = loop.createTask(waiter(h2), { name: "holder-waiter" });
await loop.runUntilComplete(aio.sleep(0));
print(String(t));
print("task cancel ->", t.cancel("stop it"));
try {
  await loop.runUntilComplete(t);
} catch (e) {
  print("task cancelled", repr(str(e)), String(h2));
}
print("cancel done Holder ->", h2.cancel("again"));

const h3 = new Holder(loop);
const t3 = loop.createTask(waiter(h3));
await loop.runUntilComplete(aio.sleep(0));
loop.callSoon((v) => h3.setResult(v), "via call_soon");
print("t3 ->", await loop.runUntilComplete(t3));

const e = new Quiet(loop);
e.setException(new ValueError("nobody looked"));
print(String(e));
loop.close();
