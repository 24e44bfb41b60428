import * as asyncio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Debug mode: a coroutine function as a future's done callback. Each callback goes through
// callSoon's check when the future completes, so the call that completes it (setResult,
// setException, cancel) throws TypeError; the future stays done, earlier callbacks run, later
// ones are dropped. Adding one to a done future throws at once. A task whose done callback is a
// coroutine function: the error goes to the exception handler, the task keeps its result.
// (Method names in messages are mapped back to asyncio's.)
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const snake = (k) => k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
const msg = (e) => e.message.replace(/with (\w+)\(\)/, (m, n) => `with ${snake(n)}()`);

const coro = asyncio.coroutine(function* coro(f) {});

function handler(loop, ctx) {
  const exc = ctx.exception;
  print("handler:", ctx.message.split(" ")[0], exc.name, msg(exc));
}

const finisher = asyncio.coroutine(function* finisher() {
  yield* asyncio.sleep(0);
  return 5;
});

function* main() {
  const loop = asyncio.getRunningLoop();
  loop.setExceptionHandler(handler);
  const f = loop.createFuture();
  f.addDoneCallback(coro);
  try {
    f.setResult(1);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("set_result raised", e.name, msg(e));
  }
  print("done?", f.done(), f.result());

  const g = loop.createFuture();
  g.addDoneCallback((f) => print("first cb ran", f.result()));
  g.addDoneCallback(coro);
  g.addDoneCallback((f) => print("third cb ran"));
  try {
    g.setResult(2);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("set_result raised", e.name, msg(e));
  }
  yield* asyncio.sleep(0);
  print("after a step");

  const c = loop.createFuture();
  c.addDoneCallback(coro);
  try {
    c.cancel();
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("cancel raised", e.name, msg(e));
  }
  print("cancelled?", c.cancelled());

  const x = loop.createFuture();
  x.addDoneCallback(coro);
  try {
    x.setException(new ValueError("v"));
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("set_exception raised", e.name, msg(e));
  }
  print("exception:", repr(x.exception()));

  const h = loop.createFuture();
  h.setResult(3);
  try {
    h.addDoneCallback(coro);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("add_done_callback raised", e.name, msg(e));
  }
  h.addDoneCallback((f) => print("plain cb on done future ran"));
  yield* asyncio.sleep(0);

  const t = asyncio.ensureFuture(finisher());
  t.addDoneCallback(coro);
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  yield* asyncio.sleep(0);
  print("task done?", t.done());
  if (t.done()) print("task result:", t.result());
}

await asyncio.run(main(), { debug: true });
