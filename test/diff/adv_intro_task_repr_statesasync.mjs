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

const child = aio.coroutine(async function child(v) {
  await aio.sleep(0);
  return v;
});

const fails = aio.coroutine(async function fails(msg) {
  await aio.sleep(0);
  throw new ValueError(msg);
});

const selfie = aio.coroutine(async function selfie() {
  show("running, self", aio.currentTask());
  await aio.sleep(0);
  return "selfie";
});

const main = aio.coroutine(async function main() {
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
  await t;
  show("finished", t);
  const n = aio.createTask(child(12345), { name: 7 });
  await n;
  show("finished int named 7", n);
  const e1 = aio.createTask(fails("it's bad"), { name: "e1" });
  const e2 = aio.createTask(fails(""), { name: "e2" });
  const e3 = aio.createTask(fails('say "hi"'), { name: "e3" });
  await aio.wait([e1, e2, e3]);
  show("failed quote", e1);
  show("failed empty", e2);
  show("failed double quote", e3);
  for (const e of [e1, e2, e3]) e.exception();
  const c = aio.createTask(child(1), { name: "c" });
  c.cancel("why");
  await aio.sleep(0);
  show("cancelled", c);
  const s = aio.createTask(selfie(), { name: "selfie" });
  await aio.sleep(0);
  await aio.sleep(0);
  show("selfie done", s);
});

await aio.run(main);
