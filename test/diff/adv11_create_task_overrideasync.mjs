import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// loop.createTask overridden on the loop: createTask, ensureFuture, gather, waitFor, shield,
// TaskGroup.createTask and runUntilComplete all make their tasks through it (a task factory in
// effect), as asyncio's do through loop.create_task; names are set on the task it returns.
const loop = aio.newEventLoop();
const orig = loop.createTask;
const made = [];
loop.createTask = function (coro, options) {
  made.push(coro.name);
  print("  override create_task", options ?? {});
  return orig.call(this, coro, options);
};

const f = aio.coroutine(async function f(x) {
  await aio.sleep(0);
  return x;
});

print("ensure_future");
const fut = aio.ensureFuture(f(1), loop);
print("  a task:", fut instanceof aio.Task);

const main = aio.coroutine(async function main() {
  print("create_task");
  const t = aio.createTask(f(2), { name: "two" });
  print("  name:", t.getName());
  print("gather");
  print("  result:", await aio.gather(f(3), f(4)));
  print("task group");
  let t5;
  await aio.taskGroup(async (tg) => {
    t5 = tg.createTask(f(5), { name: "five" });
  });
  print("  result:", t5.result(), t5.getName());
  print("wait_for");
  print("  result:", await aio.waitFor(f(6), 5));
  print("shield");
  print("  result:", await aio.shield(f(7)));
  print("a future passes through");
  const g = loop.createFuture();
  g.setResult(8);
  print("  same:", aio.ensureFuture(g) === g, await aio.gather(g));
  print("results:", await t, await fut);
});

print("run_until_complete");
await loop.runUntilComplete(main());
print("tasks made through the override:", made);
loop.close();
