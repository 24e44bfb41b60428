import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// asyncio.run() at odd moments: callbacks main leaves queued keep running through run()'s
// shutdown phases (the cancellation of leftover tasks, shutdown_asyncgens,
// shutdown_default_executor: each a run_until_complete of its own), also when main raised; a main
// that stops the loop (run() raises 'Event loop stopped before Future completed.', main itself is
// cancelled at shutdown), closes it or runs it again (errors, main goes on); a failing callback
// during shutdown reaches main's exception handler; debug=True; run() of values that are not
// coroutines; get_running_loop() after each run.
const log = (...args) => print("  ", ...args);

function chain(tag, n, last) {
  log("chain", tag, n);
  if (n < last) aio.getRunningLoop().callSoon(chain, tag, n + 1, last);
}

function afterRun() {
  try {
    aio.getRunningLoop();
    print("after run: a loop is running?");
  } catch (e) {
    print("after run:", e.name, e.message);
  }
}

function attempt(label, fn) {
  try {
    const r = fn();
    log(label, "->", r);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    log(label, "raised", e.name, e.message);
  }
}

async function run(label, main, opts) {
  print("--", label);
  try {
    print("result", repr(await aio.run(main, opts)));
  } catch (e) {
    print("run raised", e.name, repr(e.message));
  }
  afterRun();
}

const returnsAtOnce = aio.coroutine(async function returns_at_once() {
  aio.getRunningLoop().callSoon(chain, "a", 0, 6);
  log("main returns");
  return 1;
});
await run("main returns at once, a chain queued", returnsAtOnce());

const background = aio.coroutine(async function background() {
  try {
    await aio.sleep(10);
  } finally {
    log("background finally (cancelled at shutdown)");
    aio.getRunningLoop().callSoon(chain, "bg", 0, 2);
  }
});

const withBackground = aio.coroutine(async function with_background() {
  aio.getRunningLoop().callSoon(chain, "b", 0, 9);
  aio.createTask(background());
  await aio.sleep(0);
  log("main returns after one sleep(0)");
  return 2;
});
await run("a background task cancelled at shutdown", withBackground());

const stopsLoop = aio.coroutine(async function stops_loop() {
  const loop = aio.getRunningLoop();
  loop.callSoon(chain, "s", 0, 5);
  loop.stop();
  log("main stopped the loop");
  try {
    await aio.sleep(0);
    log("never: main resumes");
  } catch (e) {
    if (e instanceof aio.CancelledError) log("main cancelled at shutdown");
    throw e;
  }
});
await run("main stops the loop", stopsLoop());

const misusesLoop = aio.coroutine(async function misuses_loop() {
  const loop = aio.getRunningLoop();
  attempt("close()", () => loop.close());
  attempt("run_forever()", () => loop.runForever());
  const f = loop.createFuture();
  attempt("run_until_complete(a future)", () => loop.runUntilComplete(f));
  attempt("is_running()", () => loop.isRunning());
  attempt("is_closed()", () => loop.isClosed());
  loop.callSoon((v) => f.setResult(v), "f set");
  log("awaited", await f);
  return "misuse survived";
});
await run("main misuses its loop", misusesLoop());

const raises = aio.coroutine(async function raises() {
  aio.getRunningLoop().callSoon(chain, "r", 0, 6);
  await aio.sleep(0);
  log("main raises");
  throw new LookupError("main failed");
});
class LookupError extends Error {
  name = "LookupError";
}
await run("main raises, a chain queued", raises());

class ValueError extends Error {
  name = "ValueError";
}
function boom(tag) {
  throw new ValueError(tag);
}
function handler(loop, ctx) {
  log("handler:", ctx.message, ctx.exception.name, ctx.exception.message);
}

const handlerAtShutdown = aio.coroutine(async function handler_at_shutdown() {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler(handler);
  loop.callSoon(chain, "h", 0, 1);
  loop.callSoon(() => loop.callSoon(() => loop.callSoon(boom, "late failure")));
  log("main returns");
  return 3;
});
await run("a callback fails during shutdown", handlerAtShutdown());

const debugFlag = aio.coroutine(async function debug_flag() {
  return aio.getRunningLoop().getDebug();
});
await run("debug=True", debugFlag(), { debug: true });
await run("debug=False", debugFlag(), { debug: false });

for (const bad of [42, null, "main"]) {
  print(`-- run(${repr(bad)})`);
  try {
    await aio.run(bad);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("rejected:", e.message.includes("was expected"));
  }
  afterRun();
}
