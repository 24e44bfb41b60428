import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Tasks of a second loop created from inside another loop's task: their Task-N numbers (one
// per-process counter), allTasks(other) and allTasks() membership before, while and after
// the second loop runs, currentTask(other) from outside it, their reprs before the first
// step and after it, a cancel() requested while the other loop is idle, and the counter
// across a later run().

function show(label, obj) {
  print(label, String(obj));
}

function names(tasks) {
  return [...tasks].map((t) => t.getName()).sort();
}

const job = aio.coroutine(function* job(label) {
  const t = aio.currentTask();
  print("  job", label, "runs as", t.getName(), "listed", names(aio.allTasks()));
  yield* aio.sleep(0);
  return label;
});

const otherMain = aio.coroutine(function* other_main(tasks) {
  const me = aio.currentTask();
  print(" other_main is", me.getName(), "sees", names(aio.allTasks()));
  const res = yield* aio.gather(...tasks, { returnExceptions: true });
  print(" other_main results", res.map((r) => (typeof r === "string" ? r : r.name + ":" + r.message)));
  print(" other_main sees at the end", names(aio.allTasks()));
});

const first = aio.coroutine(function* first(other) {
  print("first is", aio.currentTask().getName());
  const a = other.createTask(job("a"));
  const b = other.createTask(job("b"), { name: "b" });
  const c = aio.ensureFuture(job("c"), other);
  print("created on other", a.getName(), b.getName(), c.getName());
  print("all_tasks(other)", names(aio.allTasks(other)));
  print("all_tasks()", names(aio.allTasks()));
  print("current_task(other)", aio.currentTask(other));
  show("a before its first step", a);
  print("cancel b ->", b.cancel("while idle"), "cancelling", b.cancelling());
  show("b", b);
  const mine = aio.createTask(job("mine"));
  print("mine", mine.getName());
  yield* mine;
  return [a, b, c];
});

const other = aio.newEventLoop();
const tasks = await aio.run(first(other));
print("after run: all_tasks(other)", names(aio.allTasks(other)));
await other.runUntilComplete(otherMain(tasks));
for (const t of tasks) show("settled", t);
print("all_tasks(other) at the end", names(aio.allTasks(other)));
other.close();

const later = aio.coroutine(function* later() {
  print("later is", aio.currentTask().getName());
  const t = aio.createTask(job("later"));
  yield* t;
});

await aio.run(later());
