import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// CPython test_runners.RunnerTests: test_interrupt_call_soon (a main busy in sleep(0) steps),
// test_interrupt_wait (a main waiting on a future: both are cancelled) and the main of
// test_interrupt_cancelled_task, under run(), with the KeyboardInterrupt replaced by a timer
// that cancels the main task (aionode has no SIGINT handling in run()): the main catches the
// cancellation, throws a fresh CancelledError, and run() rejects with it; a task left over is
// cancelled at shutdown after that.

const state = {};

function section(name) {
  print("==", name);
}

function interrupt(task, tag) {
  print("  timer cancels main:", task.cancel(), "(" + tag + ")");
}

const busy = aio.coroutine(async function busy() {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  loop.callAt(loop.time() + 0.15, interrupt, me, "busy");
  let steps = 0;
  try {
    for (;;) {
      await aio.sleep(0);
      steps += 1;
    }
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  main caught", e.name, repr(e.message), "cancelling", me.cancelling(), "stepped", steps > 0);
  }
  throw new aio.CancelledError();
});

const waitsFuture = aio.coroutine(async function waits_future() {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  const fut = (state.fut = loop.createFuture());
  loop.callAt(loop.time() + 0.15, interrupt, me, "waiting");
  try {
    await fut;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  main caught", e.name, "future cancelled", fut.cancelled(), "done", fut.done());
  }
  throw new aio.CancelledError();
});

const lingering = aio.coroutine(async function lingering() {
  try {
    await aio.sleep(5);
  } catch (e) {
    if (e instanceof aio.CancelledError) print("  leftover cancelled at shutdown");
    throw e;
  }
});

const withLeftover = aio.coroutine(async function with_leftover() {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  state.lo = aio.createTask(lingering());
  loop.callAt(loop.time() + 0.15, interrupt, me, "with a leftover");
  try {
    await aio.sleep(5);
  } catch (e) {
    if (e instanceof aio.CancelledError) print("  main caught, leftover done", state.lo.done());
    throw e;
  }
});

async function run(main) {
  try {
    print("  run ->", repr(await aio.run(main)));
  } catch (e) {
    print("  run raised", e.name, repr(e.message));
  }
}

async function main() {
  section("test_interrupt_call_soon");
  await run(busy);

  section("test_interrupt_wait");
  await run(waitsFuture);
  print("  after run: future cancelled", state.fut.cancelled());

  section("test_interrupt_cancelled_task (with a leftover task)");
  await run(withLeftover);
  print("  after run: leftover cancelled", state.lo.cancelled());
}

await main();
