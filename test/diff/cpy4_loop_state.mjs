import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// CPython test_asyncio scenarios (the loop's states and the operations they refuse):
// test_base_events.BaseEventLoopTests: test_close, test_set_debug, test_run_until_complete_type_error,
//   test_run_until_complete_loop, test_create_task_error_closes_coro,
//   test_create_named_task_with_default_factory; RunningLoopTests.test_running_loop_within_a_loop;
// test_events.EventLoopTestsMixin: test_close, test_close_running_event_loop,
//   test_run_until_complete_nesting, test_run_until_complete_stopped.

async function attempt(label, fn) {
  try {
    const r = await fn();
    print("  ", label, "->", r);
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    print("  ", label, "raised", e.name, e.message);
  }
}

const nothing = aio.coroutine(function* nothing() {});
function noop() {}

print("== test_close (base_events)");
let loop = aio.newEventLoop();
print("   is_closed:", loop.isClosed(), "is_running:", loop.isRunning());
print("   close ->", loop.close(), "is_closed:", loop.isClosed());
print("   close again ->", loop.close(), loop.close(), "is_closed:", loop.isClosed());
const fut = loop.createFuture();
print("   create_future on a closed loop:", fut);
await attempt("run_forever", () => loop.runForever());
await attempt("run_until_complete(fut)", () => loop.runUntilComplete(fut));
print("   fut after:", fut);

print("== test_close (events)");
loop = aio.newEventLoop();
loop.close();
const co = nothing();
await attempt("run_forever", () => loop.runForever());
await attempt("run_until_complete(new future)", () => loop.runUntilComplete(loop.createFuture()));
await attempt("call_soon", () => loop.callSoon(noop));
await attempt("call_soon_threadsafe", () => loop.callSoonThreadsafe(noop));
await attempt("call_later", () => loop.callLater(1.0, noop));
await attempt("call_at", () => loop.callAt(loop.time() + 0.0, noop));
await attempt("create_task", () => loop.createTask(co));
print("   is_running:", loop.isRunning(), "is_closed:", loop.isClosed());

print("== test_create_task_error_closes_coro");
await attempt("ensure_future(coro, loop=closed)", () => aio.ensureFuture(nothing(), loop));

print("== test_set_debug");
loop = aio.newEventLoop();
print("   default:", loop.getDebug());
loop.setDebug(true);
print("   after set_debug(True):", loop.getDebug());
loop.setDebug(false);
print("   after set_debug(False):", loop.getDebug());

print("== test_run_until_complete_type_error");
// (aionode's message names the bad value: print the type only)
for (const bad of ["blah", 42]) {
  try {
    await loop.runUntilComplete(bad);
  } catch (e) {
    if (e instanceof TypeError) print(`   run_until_complete(${repr(bad)}) raised`, e.name);
  }
}
print("   is_running:", loop.isRunning(), "is_closed:", loop.isClosed());

print("== test_run_until_complete_loop");
const other = aio.newEventLoop();
const ofut = loop.createFuture();
try {
  await other.runUntilComplete(ofut);
  print("   no error");
} catch {
  print("   refused a future of another loop; other running:", other.isRunning(), "fut:", ofut);
}
other.close();

print("== test_create_named_task_with_default_factory");
const t = loop.createTask(nothing(), { name: "test_task" });
print("   name:", t.getName(), "done:", t.done());
print("   ruc ->", await loop.runUntilComplete(t), "done:", t.done());

print("== test_close_running_event_loop");
const closeLoop = aio.coroutine(function* close_loop() {
  print("   running:", loop.isRunning());
  loop.close();
  print("   never");
});
await attempt("run_until_complete(close_loop())", () => loop.runUntilComplete(closeLoop()));
print("   is_running:", loop.isRunning(), "is_closed:", loop.isClosed());

print("== test_run_until_complete_nesting");
const inner = aio.coroutine(function* inner() {
  yield* aio.sleep(0);
  return "inner";
});
const nesting = aio.coroutine(function* nesting() {
  print("   running:", loop.isRunning());
  loop.runUntilComplete(inner());
});
await attempt("run_until_complete(nesting())", () => loop.runUntilComplete(nesting()));
await attempt("after it, run_until_complete(inner())", () => loop.runUntilComplete(inner()));

print("== test_run_until_complete_stopped");
const stops = aio.coroutine(function* stops() {
  loop.stop();
  print("   stopped the loop, sleeping");
  yield* aio.sleep(0.1);
  print("   never: woke");
});
const task = loop.createTask(stops());
await attempt("run_until_complete(stops)", () => loop.runUntilComplete(task));
print("   task:", task.done(), "is_running:", loop.isRunning());
task.cancel();
await attempt("run_until_complete(cancelled task)", () => loop.runUntilComplete(task));
print("   task:", task.done(), task.cancelled());

print("== test_running_loop_within_a_loop");
const outer = aio.newEventLoop();
const runner = aio.coroutine(function* runner() {
  loop.runForever();
});
await attempt("outer.run_until_complete(runner())", () => outer.runUntilComplete(runner()));
print("   loop running:", loop.isRunning(), "outer running:", outer.isRunning());
outer.close();
loop.close();
print("   closed:", loop.isClosed(), outer.isClosed());
