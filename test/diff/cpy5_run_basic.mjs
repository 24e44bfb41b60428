import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// CPython test_runners.RunTests: test_asyncio_run_return, test_asyncio_run_raises,
// test_asyncio_run_only_coro (a number; the lambda subtest is left out: aionode calls a function
// as a coroutine function), test_asyncio_run_debug (explicit debug=True/False and the default, seen
// through getEventLoop() inside main), test_asyncio_run_from_running_loop,
// test_asyncio_run_set_event_loop (main's getEventLoop() is the loop running it, a new one per
// run). Each section prints what the test asserts.

function section(name) {
  print("==", name);
}

const returns42 = aio.coroutine(function* returns_42() {
  yield* aio.sleep(0);
  return 42;
});

const raisesSpam = aio.coroutine(function* raises_spam() {
  yield* aio.sleep(0);
  throw new ValueError("spam");
});

const debugOfLoop = aio.coroutine(function* debug_of_loop(tag) {
  const loop = aio.getEventLoop();
  print("  ", tag, "get_debug", loop.getDebug(), "same as running", loop === aio.getRunningLoop());
  return loop.getDebug();
});

const seen = {};

const nestedRun = aio.coroutine(function* nested_run() {
  const inner = returns42();
  try {
    aio.run(inner);
    print("  nested run returned?");
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("  nested run:", e.name, e.message);
  }
  yield* aio.sleep(0);
  return "outer survived";
});

const recordLoop = aio.coroutine(function* record_loop(tag) {
  const loop = aio.getEventLoop();
  print("  ", tag, "get_event_loop is running loop", loop === aio.getRunningLoop(), "closed", loop.isClosed());
  yield* aio.sleep(0);
  seen[tag] = loop;
  return tag;
});

async function main() {
  section("test_asyncio_run_return");
  print("  result", repr(await aio.run(returns42())));

  section("test_asyncio_run_raises");
  try {
    await aio.run(raisesSpam());
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("  raised", e.name, repr(e.message));
  }

  section("test_asyncio_run_only_coro");
  try {
    aio.run(1);
  } catch (e) {
    // a TypeError in aionode (Python's ValueError): a deliberate difference
    if (!(e instanceof TypeError)) throw e;
    print("  rejected, message says 'a coroutine' and 'was expected':", e.message.includes("a coroutine") && e.message.includes("was expected"));
  }

  section("test_asyncio_run_debug");
  print("  debug=False ->", await aio.run(debugOfLoop("debug=False"), { debug: false }));
  print("  debug=True ->", await aio.run(debugOfLoop("debug=True"), { debug: true }));
  print("  default ->", await aio.run(debugOfLoop("default")));

  section("test_asyncio_run_from_running_loop");
  print("  outer ->", repr(await aio.run(nestedRun())));

  section("test_asyncio_run_set_event_loop");
  print("  first ->", await aio.run(recordLoop("first")));
  print("  second ->", await aio.run(recordLoop("second")));
  print("  two loops differ", seen.first !== seen.second,
    "both closed", seen.first.isClosed(), seen.second.isClosed());
}

await main();
