import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

function names() {
  return [...aio.allTasks()].map((t) => t.getName()).sort();
}

const sleeper = aio.coroutine(async function (d) {
  await aio.sleep(d);
  return d;
});

const gated = aio.coroutine(async function (gate) {
  return await gate;
});

const reporter = aio.coroutine(async function () {
  print("reporter sees", names());
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  print("start", names());
  const a = loop.createTask(sleeper(0.01), { name: "a" });
  const gate = loop.createFuture();
  const b = loop.createTask(gated(gate), { name: "b" });
  print("created, not started", names());
  await aio.sleep(0);
  print("started", names());
  await aio.sleep(0.02);
  print("a finished", names(), a.done());
  await loop.createTask(reporter(), { name: "reporter" });
  gate.setResult("open");
  await b;
  print("b finished", names());

  const c = loop.createTask(sleeper(1), { name: "c" });
  await aio.sleep(0);
  print("cancel c", c.cancel());
  print("c still listed until its step", names());
  await aio.sleep(0);
  print("c gone", names(), c.cancelled());

  const d = loop.createTask(sleeper(1), { name: "d" });
  d.cancel();
  print("d cancelled before start, listed", names());
  await aio.sleep(0);
  print("d gone", names());

  const g = aio.gather(sleeper(0.001), sleeper(0.002));
  print("gather children listed", aio.allTasks().size);
  await g;
  print("after gather", names());
  print("all_tasks(loop)", [...aio.allTasks(loop)].map((t) => t.getName()).sort());
});
