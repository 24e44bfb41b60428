import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

function names() {
  return [...aio.allTasks()].map((t) => t.getName()).sort();
}

const sleeper = aio.coroutine(function* (d) {
  yield* aio.sleep(d);
  return d;
});

const gated = aio.coroutine(function* (gate) {
  return yield* gate;
});

const reporter = aio.coroutine(function* () {
  print("reporter sees", names());
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  print("start", names());
  const a = loop.createTask(sleeper(0.01), { name: "a" });
  const gate = loop.createFuture();
  const b = loop.createTask(gated(gate), { name: "b" });
  print("created, not started", names());
  yield* aio.sleep(0);
  print("started", names());
  yield* aio.sleep(0.02);
  print("a finished", names(), a.done());
  yield* loop.createTask(reporter(), { name: "reporter" });
  gate.setResult("open");
  yield* b;
  print("b finished", names());

  const c = loop.createTask(sleeper(1), { name: "c" });
  yield* aio.sleep(0);
  print("cancel c", c.cancel());
  print("c still listed until its step", names());
  yield* aio.sleep(0);
  print("c gone", names(), c.cancelled());

  const d = loop.createTask(sleeper(1), { name: "d" });
  d.cancel();
  print("d cancelled before start, listed", names());
  yield* aio.sleep(0);
  print("d gone", names());

  const g = aio.gather(sleeper(0.001), sleeper(0.002));
  print("gather children listed", aio.allTasks().size);
  yield* g;
  print("after gather", names());
  print("all_tasks(loop)", [...aio.allTasks(loop)].map((t) => t.getName()).sort());
});
