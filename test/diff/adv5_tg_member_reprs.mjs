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

const raiser = aio.coroutine(function* raiser(exc, n = 1) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
  throw exc;
});

const wf_timeout = aio.coroutine(function* wf_timeout() {
  yield* aio.waitFor(aio.sleep(1), 0.001);
});

const cm_timeout = aio.coroutine(function* cm_timeout() {
  yield* aio.timeout(0.001, function* () {
    yield* aio.sleep(1);
  });
});

const group = aio.coroutine(function* group(children) {
  yield* aio.taskGroup(function* (tg) {
    for (const c of children) tg.createTask(c);
  });
});

const caseRun = aio.coroutine(function* caseRun(title, children) {
  print("--", title);
  const t = aio.createTask(group(children), { name: "G" });
  try {
    yield* t;
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  str", repr(str(eg)));
    print("  members", eg.errors.map((e) => tuple(e.name, str(e))));
    print("  task", R(t));
  }
});

await aio.run(function* main() {
  yield* caseRun("a child raises its own ExceptionGroup",
    [raiser(new aio.ExceptionGroup("mine", [new ValueError("x"), new TypeError_("y")]))]);
  yield* caseRun("an empty-message group, a sibling cancelled before its error",
    [raiser(new aio.ExceptionGroup("", [new ValueError("only")])), raiser(new ValueError("plain"), 2)]);
  yield* caseRun("wait_for() timing out in a child", [wf_timeout()]);
  yield* caseRun("timeout() in a child", [cm_timeout()]);
  yield* caseRun("odd messages",
    [raiser(new ValueError("it's")), raiser(new ValueError('say "hi"')), raiser(new ValueError("both ' and \"")),
      raiser(new ValueError("line1\nline2")), raiser(new ValueError("caf\u00e9 \u2603")), raiser(new ValueError())]);
  yield* caseRun("twelve members", Array.from({ length: 12 }, (_, i) => raiser(new ValueError("e" + i))));
  print("-- loop still works", yield* aio.sleep(0, "yes"));
});
