import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// What the members of a TaskGroup's ExceptionGroup look like: a child raising an ExceptionGroup of
// its own (kept as one member, not flattened), a TimeoutError from waitFor() and one from
// timeout(), messages with quotes, a newline, non-ASCII and an empty one, many members (the task's
// repr is not shortened), and the group's str() counts.

const R = (x) => String(x);
const ValueError = errorClass("ValueError");
const TypeError_ = errorClass("TypeError");

const raiser = aio.coroutine(async function raiser(exc, n = 1) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  throw exc;
});

const wf_timeout = aio.coroutine(async function wf_timeout() {
  await aio.waitFor(aio.sleep(1), 0.001);
});

const cm_timeout = aio.coroutine(async function cm_timeout() {
  await aio.timeout(0.001, async function () {
    await aio.sleep(1);
  });
});

const group = aio.coroutine(async function group(children) {
  await aio.taskGroup(async function (tg) {
    for (const c of children) tg.createTask(c);
  });
});

const caseRun = aio.coroutine(async function caseRun(title, children) {
  print("--", title);
  const t = aio.createTask(group(children), { name: "G" });
  try {
    await t;
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  str", repr(str(eg)));
    print("  members", eg.errors.map((e) => tuple(e.name, str(e))));
    print("  task", R(t));
  }
});

await aio.run(async function main() {
  await caseRun("a child raises its own ExceptionGroup",
    [raiser(new aio.ExceptionGroup("mine", [new ValueError("x"), new TypeError_("y")]))]);
  await caseRun("an empty-message group, a sibling cancelled before its error",
    [raiser(new aio.ExceptionGroup("", [new ValueError("only")])), raiser(new ValueError("plain"), 2)]);
  await caseRun("wait_for() timing out in a child", [wf_timeout()]);
  await caseRun("timeout() in a child", [cm_timeout()]);
  await caseRun("odd messages",
    [raiser(new ValueError("it's")), raiser(new ValueError('say "hi"')), raiser(new ValueError("both ' and \"")),
      raiser(new ValueError("line1\nline2")), raiser(new ValueError("caf\u00e9 \u2603")), raiser(new ValueError())]);
  await caseRun("twelve members", Array.from({ length: 12 }, (_, i) => raiser(new ValueError("e" + i))));
  print("-- loop still works", await aio.sleep(0, "yes"));
});
