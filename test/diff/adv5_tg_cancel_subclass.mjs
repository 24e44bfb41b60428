import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// A subclass of CancelledError in a TaskGroup: raised by the body it is not a cancellation (asyncio
// tests `et is CancelledError`) but an error the group collects after aborting the children (the
// group is a BaseExceptionGroup in Python, an ExceptionGroup in aionode: only membership is
// printed); raised by a child it cancels that child (no error, no abort); the plain class raised by
// the body still propagates as a cancellation.

const MyCancel = errorClass("MyCancel", aio.CancelledError);
const ValueError = errorClass("ValueError");
const isCancel = (e) => e instanceof aio.CancelledError;

function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `group(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  return `${e.name}(${repr(str(e))})`;
}

const ticks = aio.coroutine(function* ticks(n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const worker = aio.coroutine(function* worker(name, n, raiseAtEnd = null) {
  try {
    yield* ticks(n);
  } catch (e) {
    if (isCancel(e)) print("  ", name, "cancelled", e.name, repr(str(e)));
    throw e;
  }
  if (raiseAtEnd !== null) {
    print("  ", name, "raises", desc(raiseAtEnd));
    throw raiseAtEnd;
  }
  print("  ", name, "finished");
  return name;
});

const body_case = aio.coroutine(function* body_case(title, children, bodyTicks, bodyExc) {
  print("--", title);
  const me = aio.currentTask();
  const kids = [];
  try {
    yield* aio.taskGroup(function* (tg) {
      for (const [name, coro] of children) kids.push(tg.createTask(coro, { name }));
      try {
        yield* ticks(bodyTicks);
      } catch (e) {
        if (isCancel(e)) {
          print("  body cancelled", e.name, me.cancelling());
          if (bodyExc !== null) {
            print("  body converts it to", desc(bodyExc));
            throw bodyExc;
          }
        }
        throw e;
      }
      if (bodyExc !== null) {
        print("  body raises", desc(bodyExc));
        throw bodyExc;
      }
    });
    print("  group exited normally");
  } catch (e) {
    print("  raised", desc(e), "is cancel", isCancel(e));
  }
  print("  kids", kids.map((k) => tuple(k.getName(), k.cancelled())), "cancelling", me.cancelling());
});

await aio.run(function* main() {
  yield* body_case("body raises the subclass", [["w", worker("w", 5)]], 1, new MyCancel("mine"));
  yield* body_case("body raises the plain class", [["w", worker("w", 5)]], 1, new aio.CancelledError("plain"));
  yield* body_case("body raises the subclass, no children", [], 0, new MyCancel("alone"));
  yield* body_case("a child raises the subclass", [["m", worker("m", 1, new MyCancel("child's"))], ["w", worker("w", 3)]], 0, null);
  yield* body_case("a child fails, the body turns its cancellation into the subclass",
    [["f", worker("f", 1, new ValueError("boom"))], ["w", worker("w", 5)]], 3, new MyCancel("converted"));
  yield* body_case("a child fails after the body raised the subclass",
    [["f", worker("f", 2, new ValueError("boom"))]], 1, new MyCancel("first"));
  print("-- loop still works", yield* aio.sleep(0, "yes"));
});
