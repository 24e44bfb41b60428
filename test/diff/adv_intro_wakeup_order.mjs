import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// The order in which a task's done callbacks and the wake-ups of what awaits it run: plain
// callbacks, two awaiting tasks (each resumes inside its wake-up, before the next callback), a
// gather() of the task given twice (one callback), a wait() task, a callback added last;
// currentTask() is null in every done callback.

function cb(tag) {
  return (fut) => {
    const t = aio.currentTask();
    print("  cb", tag, "current", t === null ? null : t.getName(), "done", fut.done());
  };
}

const work = aio.coroutine(function* work(gate) {
  return yield* gate;
});

const awaiter = aio.coroutine(function* awaiter(tag, t) {
  print("  awaiter", tag, "starts waiting");
  const r = yield* t;
  print("  awaiter", tag, "resumed with", r, "current", aio.currentTask().getName());
  yield* aio.sleep(0);
  print("  awaiter", tag, "after one more tick");
});

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  const gate = loop.createFuture();
  const t = aio.createTask(work(gate), { name: "work" });
  t.addDoneCallback(cb("first"));
  const a = aio.createTask(awaiter("A", t), { name: "A" });
  yield* aio.sleep(0);
  t.addDoneCallback(cb("middle"));
  const b = aio.createTask(awaiter("B", t), { name: "B" });
  const g = aio.gather(t, t);
  g.addDoneCallback(cb("gather"));
  const w = aio.createTask(aio.wait([t]), { name: "W" });
  w.addDoneCallback(cb("wait-task"));
  yield* aio.sleep(0);
  t.addDoneCallback(cb("last"));
  loop.callSoon(print, "  soon before result");
  gate.setResult("R");
  loop.callSoon(print, "  soon after result");
  for (let i = 0; i < 6; i++) {
    yield* aio.sleep(0);
    print("main tick", i);
  }
  print("gather", yield* g);
  yield* a;
});

await aio.run(main);
