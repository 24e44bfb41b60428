import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// repr() of Tasks in the states where aionode's text matches asyncio's: before the first step,
// running (repr of itself), after setName() with a number, with one, two and three done
// callbacks, finished with a result, with an exception (quotes and empty message), cancelled.
// asyncio's source locations are dropped on the Python side, as the README documents.
// String(task) is the repr.

function show(label, obj) {
  print(label, String(obj));
}

function first(fut) {}

function second(fut) {}

const child = aio.coroutine(function* child(v) {
  yield* aio.sleep(0);
  return v;
});

const fails = aio.coroutine(function* fails(msg) {
  yield* aio.sleep(0);
  throw new ValueError(msg);
});

const selfie = aio.coroutine(function* selfie() {
  show("running, self", aio.currentTask());
  yield* aio.sleep(0);
  return "selfie";
});

const main = aio.coroutine(function* main() {
  const t = aio.createTask(child("abc"));
  show("before start", t);
  t.setName(42);
  show("renamed 42", t);
  t.addDoneCallback(first);
  show("one callback", t);
  t.addDoneCallback(second);
  show("two callbacks", t);
  t.addDoneCallback(first);
  show("three callbacks", t);
  print("removed", t.removeDoneCallback(first));
  show("after remove", t);
  yield* t;
  show("finished", t);
  const n = aio.createTask(child(12345), { name: 7 });
  yield* n;
  show("finished int named 7", n);
  const e1 = aio.createTask(fails("it's bad"), { name: "e1" });
  const e2 = aio.createTask(fails(""), { name: "e2" });
  const e3 = aio.createTask(fails('say "hi"'), { name: "e3" });
  yield* aio.wait([e1, e2, e3]);
  show("failed quote", e1);
  show("failed empty", e2);
  show("failed double quote", e3);
  for (const e of [e1, e2, e3]) e.exception();
  const c = aio.createTask(child(1), { name: "c" });
  c.cancel("why");
  yield* aio.sleep(0);
  show("cancelled", c);
  const s = aio.createTask(selfie(), { name: "selfie" });
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  show("selfie done", s);
});

await aio.run(main);
