import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// CPython test_asyncio scenarios (which loop the module functions see; aionode has no policies,
// and its get_event_loop() after set_event_loop(None) makes a new loop, a documented difference):
// test_events.PolicyTests: test_get_event_loop, test_new_event_loop, test_set_event_loop;
// test_events.GetEventLoopTestsMixin: test_get_event_loop_returns_running_loop2 (its parts
//   without set_event_loop(None)).
function attempt(label, fn) {
  try {
    print("  ", label, "->", fn());
  } catch (e) {
    if (!(e instanceof TypeError || e instanceof aio.RuntimeError)) throw e;
    print("  ", label, "raised", e.name, e.message);
  }
}

print("== test_get_event_loop");
const loop = aio.getEventLoop();
print("   an event loop:", loop instanceof aio.EventLoop, "same again:", aio.getEventLoop() === loop);
print("   running:", loop.isRunning(), "closed:", loop.isClosed());

print("== test_new_event_loop");
const fresh = aio.newEventLoop();
print("   an event loop:", fresh instanceof aio.EventLoop, "not the current one:", fresh !== aio.getEventLoop());
print("   running:", fresh.isRunning(), "closed:", fresh.isClosed(), "debug:", fresh.getDebug());

print("== test_set_event_loop");
const old = aio.newEventLoop();
aio.setEventLoop(old);
for (const [bad, tname] of [[{}, "object"], [42, "int"], ["loop", "str"]]) {
  try {
    aio.setEventLoop(bad);
  } catch (e) {
    if (e instanceof TypeError) print(`   set_event_loop(${tname}) raised TypeError`);
  }
}
print("   still the old one:", aio.getEventLoop() === old);
aio.setEventLoop(fresh);
print("   now the new one:", aio.getEventLoop() === fresh, "not the old:", aio.getEventLoop() !== old);

print("== test_get_event_loop_returns_running_loop2");
attempt("get_running_loop() outside", () => aio.getRunningLoop());
const inner = aio.newEventLoop();
const func = aio.coroutine(function* func() {
  print("   inside: get_event_loop() is the running loop:", aio.getEventLoop() === inner);
  print("   inside: get_running_loop() is the running loop:", aio.getRunningLoop() === inner);
  print("   inside: the current loop is not it:", fresh !== inner);
  return "done";
});
print("  ", await inner.runUntilComplete(func()));
print("   after: get_event_loop() is the set one again:", aio.getEventLoop() === fresh);
attempt("get_running_loop() after", () => aio.getRunningLoop());
aio.setEventLoop(inner);
print("   set_event_loop(inner):", aio.getEventLoop() === inner);
for (const lp of [inner, fresh, old, loop]) lp.close();
