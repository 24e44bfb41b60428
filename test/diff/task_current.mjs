import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

const inner = aio.coroutine(function* (tag) {
  const t = aio.currentTask();
  yield* aio.sleep(0);
  return tuple(tag, t.getName(), aio.currentTask() === t);
});

const child = aio.coroutine(function* () {
  const me = aio.currentTask();
  print("child sees", me.getName());
  yield* aio.sleep(0);
  print("child after await sees", aio.currentTask().getName());
  print("child inner coroutine", yield* inner("nested"));
  return me.getName();
});

function callback(tag) {
  print("callback", tag, "sees", aio.currentTask());
}

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const mainTask = aio.currentTask();
  print("main is", mainTask.getName());
  loop.callSoon(callback, "call_soon");
  const c = aio.getRunningLoop().createTask(child(), { name: "kid" });
  c.addDoneCallback(() => callback("done-callback"));
  const kid = yield* c;
  print("child returned its name", kid === c.getName());
  print("main still current", aio.currentTask() === mainTask);
  print("inner awaited by main", yield* inner("direct"));
  const results = yield* aio.gather(inner("g1"), inner("g2"));
  print("gather children", results.map(([tag, name, same]) => tuple(tag, name.startsWith("Task-"), same)));
  loop.callLater(0.005, callback, "call_later");
  yield* aio.sleep(0.01);
  print("current_task(loop)", aio.currentTask(loop) === mainTask);
});
