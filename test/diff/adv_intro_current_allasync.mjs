import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// current_task() and all_tasks() at various moments: in call_soon / timer / done callbacks (None),
// in a task created by another task, before a task's first step, inside a finished task's done
// callback (no longer listed), for a task cancelled before its first step, and for a second loop
// that is not running (its tasks are listed by all_tasks(other), current_task(other) is None).

const names = (tasks) => [...tasks].map((t) => t.getName()).sort();
function cur(label) {
  const t = aio.currentTask();
  print(label, "current:", t === null ? null : t.getName());
}

const leaf = aio.coroutine(async function leaf(gate) {
  cur("  leaf");
  return await gate;
});

const spawner = aio.coroutine(async function spawner(gate) {
  cur("  spawner");
  const inner = aio.createTask(leaf(gate), { name: "inner" });
  inner.addDoneCallback((f) => cur("  inner done-callback"));
  print("  spawner sees all_tasks", names(aio.allTasks()));
  const r = await inner;
  cur("  spawner after await");
  return r;
});

let ot = null;
const other = aio.newEventLoop();

const main = aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();
  ot = other.createTask(leaf(other.createFuture()), { name: "other-task" });
  print("all_tasks(other)", names(aio.allTasks(other)));
  print("current_task(other)", aio.currentTask(other));
  print("current_task(loop) is main", aio.currentTask(loop) === aio.currentTask());
  print("all_tasks() excludes other", names(aio.allTasks()));
  const gate = loop.createFuture();
  const s = aio.createTask(spawner(gate), { name: "spawner" });
  print("before first step", names(aio.allTasks()));
  loop.callSoon(cur, "  call_soon callback");
  await aio.sleep(0);
  print("after one tick", names(aio.allTasks()));
  await aio.sleep(0);
  print("after two ticks", names(aio.allTasks()));
  gate.setResult("opened");
  s.addDoneCallback((f) => cur("  spawner done-callback"));
  print("spawner ->", await s);
  print("after spawner", names(aio.allTasks()));
  loop.callLater(0.001, cur, "  timer callback");
  await aio.sleep(0.01);
  const t = aio.createTask(leaf(gate), { name: "cancel-me" });
  t.cancel();
  print("cancelled before start still listed", names(aio.allTasks()), t.done());
  await aio.sleep(0);
  print("after its step", names(aio.allTasks()), t.cancelled());
  const listing = (f) => print("  inside done callback, listed:", names(aio.allTasks()).includes(f.getName()));
  const u = aio.createTask(aio.sleep(0), { name: "u" });
  u.addDoneCallback(listing);
  await u;
  await aio.sleep(0);
  print("cancel other-task ->", ot.cancel(), ot.cancelling());
});

await aio.run(main);
print("other before run", names(aio.allTasks(other)), ot.done());
await other.runUntilComplete(aio.sleep(0));
print("other after run", names(aio.allTasks(other)), ot.cancelled());
other.close();
