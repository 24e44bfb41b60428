import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Children of a TaskGroup failing in the same loop iteration: the order of the errors in the
// ExceptionGroup (completion order), its str() with the count, its message, the repr of the task
// that holds it, the body's cancellation and the parent's cancelling() count before and after.

const R = (x) => String(x);
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  return `${e.name}(${repr(str(e))})`;
}
const AError = errorClass("AError");
const BError = errorClass("BError");
const ValueError = errorClass("ValueError");

const fail_after = aio.coroutine(async function fail_after(n, exc) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  print("  raise", desc(exc));
  throw exc;
});

const sleeper = aio.coroutine(async function sleeper(name) {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (e instanceof aio.CancelledError) print("  ", name, "cancelled", repr(str(e)));
    throw e;
  }
  return name;
});

const group = aio.coroutine(async function group(spec, bodyWait) {
  const me = aio.currentTask();
  await aio.taskGroup(async function (tg) {
    for (const [name, n, exc] of spec) {
      if (exc === null) tg.createTask(sleeper(name), { name });
      else tg.createTask(fail_after(n, exc), { name });
    }
    print("  body created", R(tg));
    if (bodyWait) {
      try {
        await aio.sleep(10);
      } catch (e) {
        if (e instanceof aio.CancelledError) print("  body cancelled", repr(str(e)), me.cancelling(), R(tg));
        throw e;
      }
    }
  });
  return "unreached";
});

const run_case = aio.coroutine(async function run_case(title, spec, bodyWait = true) {
  print("--", title);
  const me = aio.currentTask();
  const t = aio.createTask(group(spec, bodyWait), { name: "G" });
  try {
    await t;
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  caught", desc(eg));
    print("  message", repr("unhandled errors in a TaskGroup"), eg.errors.length);
    print("  task", R(t));
    print("  same", t.exception() === eg, eg.errors.map((e) => e.name));
  }
  print("  cancelling", t.cancelling(), me.cancelling());
});

const shared = new ValueError("shared");
await aio.run(async function main() {
  await run_case("three fail in one iteration", [["A", 1, new AError("a")], ["B", 1, new BError("b")], ["C", 1, new ValueError("c")]]);
  await run_case("created in reverse order", [["C", 1, new ValueError("c")], ["B", 1, new BError("b")], ["A", 1, new AError("a")]]);
  await run_case("two fail, a sleeper is cancelled", [["A", 2, new AError("a")], ["S", null, null], ["B", 2, new BError("b")]]);
  await run_case("one fails a tick later than the other", [["A", 2, new AError("a")], ["B", 1, new BError("b")]]);
  await run_case("fail immediately (no await), body does not wait", [["A", 0, new AError("a")], ["B", 0, new BError("b")]], false);
  await run_case("one failure, empty messages", [["A", 0, new AError()], ["S", null, null]], false);
  await run_case("the same exception object twice", [["A", 1, shared], ["B", 1, shared]]);
  print("-- loop still works", await aio.sleep(0, "yes"));
});
