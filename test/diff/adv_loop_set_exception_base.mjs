import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// set_exception(cls) instantiates the class: also for the base class Exception (JS: Error).
const loop = aio.newEventLoop();
const ValueError = errorClass("ValueError");
// Python's Exception is JavaScript's Error; name it so that repr() prints Exception().
const ExceptionName = (e) => (e instanceof Error && e.constructor === Error ? "Exception" : e?.name);

for (const [name, cls] of [["Exception", Error], ["ValueError", ValueError]]) {
  const f = loop.createFuture();
  f.setException(cls);
  const exc = f.exception();
  const shown = exc instanceof Error ? `${ExceptionName(exc)}()` : repr(exc);
  print(name, "-> exception() is an instance:", exc instanceof Error, "| repr", shown);
  try {
    f.result();
  } catch (e) {
    print(name, "-> result() raised an instance:", e === exc, e instanceof Error ? ExceptionName(e) : typeof e);
  }
}

const waiter = aio.coroutine(function* (fut) {
  try {
    yield* fut;
  } catch (e) {
    print("await raised", e instanceof Error ? ExceptionName(e) : typeof e, "instance:", e instanceof Error);
  }
});

const g = loop.createFuture();
loop.callSoon((c) => g.setException(c), Error);
await loop.runUntilComplete(waiter(g));
loop.close();
