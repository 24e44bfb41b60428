import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// CPython test_runners: test_asyncio_run_from_running_loop and test_recursive_run (whose
// Runner.run is asyncio.run here), from places other than main's own step: a callSoon callback,
// a future's done callback, another task's step. Each refusal is a RuntimeError thrown at the
// call; the coroutine it was given is left unstarted (CPython warns it was never awaited) and can
// still be awaited afterwards; the running loop is unchanged and main goes on.

const loopOfMain = [];

function section(name) {
  print("==", name);
}

const child = aio.coroutine(function* child(tag) {
  yield* aio.sleep(0);
  return "child " + tag;
});

function tryRun(where, coro, keep) {
  try {
    aio.run(coro);
    print("  ", where, "nested run returned?");
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("  ", where, "->", e.name, e.message);
  }
  print("  ", where, "running loop unchanged", aio.getRunningLoop() === loopOfMain[0]);
  keep.push(coro);
}

const otherTask = aio.coroutine(function* other_task(keep) {
  tryRun("other task", child("t"), keep);
  return "other task done";
});

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  loopOfMain.push(loop);
  const keep = [];

  section("test_asyncio_run_from_running_loop: main's step");
  tryRun("main", child("m"), keep);

  section("test_asyncio_run_from_running_loop: a callback");
  const ran = loop.createFuture();
  loop.callSoon(() => {
    tryRun("callback", child("c"), keep);
    ran.setResult(null);
  });
  yield* ran;

  section("test_asyncio_run_from_running_loop: a done callback");
  const f = loop.createFuture();
  f.addDoneCallback((fut) => tryRun("done callback", child("d"), keep));
  f.setResult(1);
  yield* aio.sleep(0);
  yield* aio.sleep(0);

  section("test_recursive_run: another task");
  print("  ", yield* aio.createTask(otherTask(keep)));

  section("the refused coroutines are still fresh");
  for (const c of keep) print("  ", yield* c);
  return "main done";
});

print(await aio.run(main));
