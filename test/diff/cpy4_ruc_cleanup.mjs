import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// CPython test_asyncio scenarios (what run_until_complete leaves behind), adapted to
// ordinary exceptions and loop.stop() (JavaScript has no BaseException to escape the loop with):
// test_base_events.BaseEventLoopTests: test_run_until_complete_loop_orphan_future_close_loop,
//   test_run_forever_keyboard_interrupt, test__run_once (a cancelled earlier timer does not wake
//   the loop, the live later one does).
const s = (x) => String(x);
class ValueError extends Error {
  name = "ValueError";
}
const loop = aio.newEventLoop();
const calls = [];
loop.setExceptionHandler((lp, ctx) => {
  calls.push(ctx.message);
  print("   handler:", ctx.message);
});

print("== test_run_until_complete_loop_orphan_future_close_loop");
const foo = aio.coroutine(function* foo(delay) {
  yield* aio.sleep(delay);
  return delay;
});
loop.callSoon(() => loop.stop());
const t1 = loop.createTask(foo(0.1));
try {
  await loop.runUntilComplete(t1);
} catch (e) {
  if (e instanceof aio.RuntimeError) print("   first ruc raised", e.message);
}
print("   orphan:", s(t1));
print("   second ruc ->", await loop.runUntilComplete(foo(0.2)));
print("   orphan after:", t1.done(), t1.done() ? t1.result() : null);
const t2 = loop.createTask(foo(10));
loop.callSoon(() => loop.stop());
try {
  await loop.runUntilComplete(t2);
} catch (e) {
  if (e instanceof aio.RuntimeError) print("   ruc of t2 raised", e.message);
}
print("   t2:", s(t2));
t2.cancel();
try {
  await loop.runUntilComplete(t2);
} catch (e) {
  if (e instanceof aio.CancelledError) print("   t2 cancelled:", t2.cancelled());
}

print("== test_run_forever_keyboard_interrupt");
const raises = aio.coroutine(function* raises() {
  throw new ValueError("stop");
});
try {
  await loop.runUntilComplete(raises());
} catch (e) {
  print("   ruc raised", e);
}

print("== test__run_once");
const order = [];
const t0 = loop.time();
const h1 = loop.callAt(t0 + 0.1, (x) => order.push(x), "h1");
loop.callAt(t0 + 0.2, (x) => order.push(x), "h2");
loop.callAt(t0 + 0.2, () => loop.stop());
h1.cancel();
await loop.runForever();
print("   ran:", order, "woke after h2's deadline:", loop.time() >= t0 + 0.2);
loop.close();
print("   handler calls after close:", calls);
