import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// run_until_complete() with every kind of argument and completion: coroutines that return at
// once, after awaits, or raise; done, failed and cancelled futures; futures completed, failed or
// cancelled by callbacks, timers and other futures' done callbacks; a gather; a coroutine that
// stops the loop (the task stays pending and a later run finishes it); the future's repr while
// the run waits on it (asyncio's _run_until_complete_cb) and after; what else runs in the same
// iterations; a callback that raises in the iteration that completes the future.
const loop = aio.newEventLoop();
const s = (x) => String(x);
const LookupError = errorClass("LookupError");
const ValueError = errorClass("ValueError");
const OSError = errorClass("OSError");
const ArithmeticError = errorClass("ArithmeticError");

function log(...args) {
  print("  ", ...args);
}
function chain(tag, n) {
  log(tag, n);
  if (n > 0) loop.callSoon(chain, tag, n - 1);
}
async function ruc(label, aw) {
  print("--", label);
  try {
    const r = await loop.runUntilComplete(aw);
    print("   ->", repr(r));
  } catch (e) {
    print("   raised", e.name, repr(str(e)));
  }
}

const immediate = aio.coroutine(function* immediate(v) {
  log("immediate runs");
  return v;
});
const after_awaits = aio.coroutine(function* after_awaits(n) {
  for (let i = 0; i < n; i++) {
    log("after_awaits step", i);
    yield* aio.sleep(0);
  }
  return `after ${n}`;
});
const raises_at_once = aio.coroutine(function* raises_at_once() {
  throw new LookupError("at once");
});
const raises_later = aio.coroutine(function* raises_later() {
  yield* aio.sleep(0);
  throw new ValueError("later");
});

loop.callSoon(chain, "c", 2);
await ruc("coroutine returning at once (queued callbacks share its iterations)", immediate(1));
loop.callSoon(chain, "d", 4);
await ruc("coroutine with three awaits", after_awaits(3));
loop.callSoon(() => loop.stop());
await loop.runForever();
await ruc("coroutine raising at once", raises_at_once());
await ruc("coroutine raising after an await", raises_later());
await ruc("sleep(0, result)", aio.sleep(0, "slept"));
const gathers = aio.coroutine(function* gathers() {
  return yield* aio.gather(immediate("g1"), after_awaits(1), aio.sleep(0, "g3"));
});
await ruc("a coroutine awaiting a gather", gathers());

const f = loop.createFuture();
f.setResult("done before");
f.addDoneCallback(() => log("user done callback of f"));
loop.callSoon(log, "queued before the run");
await ruc("a done future", f);
const g = loop.createFuture();
g.setException(new LookupError("failed before"));
await ruc("a failed future", g);
await ruc("the same failed future again", g);
const c = loop.createFuture();
c.cancel("cancelled before");
await ruc("a cancelled future", c);

const h = loop.createFuture();
function peek(fut, tag) {
  log(tag, s(fut));
}
loop.callSoon(peek, h, "while waiting:");
loop.callSoon((v) => h.setResult(v), "set by a callback");
loop.callSoon(peek, h, "after set_result:");
await ruc("a future completed by a callback", h);
print("   after:", s(h));

const t = loop.createFuture();
loop.callAt(-3.5, (e) => t.setException(e), new OSError("by a timer"));
loop.callAt(-3.25, log, "later timer, same iteration");
await ruc("a future failed by a timer", t);

const k = loop.createFuture();
loop.callSoon((m) => k.cancel(m), "by a callback");
await ruc("a future cancelled by a callback", k);

const src = loop.createFuture();
const dst = loop.createFuture();
src.addDoneCallback((fut) => dst.setResult(fut.result() * 2));
loop.callSoon((v) => src.setResult(v), 21);
await ruc("a future completed by another future's done callback", dst);

function boom() {
  throw new ArithmeticError("in the same iteration");
}
function handler(lp, ctx) {
  log("handler:", ctx.message);
}
loop.setExceptionHandler(handler);
const m = loop.createFuture();
loop.callSoon((v) => m.setResult(v), "m");
loop.callSoon(boom);
loop.callSoon(log, "after boom");
await ruc("a callback raises in the completing iteration", m);
loop.setExceptionHandler(null);

const stopper = aio.coroutine(function* stopper() {
  log("stopper stops the loop");
  aio.getRunningLoop().stop();
  yield* aio.sleep(0);
  log("stopper resumed");
  yield* aio.sleep(0);
  return "stopper done";
});
await ruc("a coroutine that stops the loop", stopper());
const pending = [...aio.allTasks(loop)];
print("   pending tasks:", pending.length, pending.map(s));
await ruc("its task, again", pending[0]);

const w = loop.createTask(after_awaits(6), { name: "w" });
loop.callSoon(() => loop.callSoon(() => loop.stop()));
print("-- run_forever stopped while w runs");
await loop.runForever();
print("   w:", s(w));
await ruc("then w", w);
await ruc("w once more (done)", w);
loop.close();
print("closed");
