import { AsyncLocalStorage } from "node:async_hooks";
import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

// contextvars and the exception handler: a callback that raises is reported outside its own
// context, in the context the loop runs in (the caller of run_until_complete / asyncio.run),
// whether it is a call_soon / call_later callback or a done callback, scheduled by a task or from
// outside the loop; call_exception_handler called directly runs in its caller's context.
// (aionode twin: AsyncLocalStorage.)

const v = new AsyncLocalStorage();
const get = () => v.getStore() ?? "<unset>";
class ValueError extends Error {
  constructor(m) {
    super(m);
    this.name = "ValueError";
  }
}

function handler(loop, context) {
  const exc = context.exception;
  print("handler:", exc ? exc.name : null, exc ? str(exc) : null, "| sees", get());
}

function boom(label) {
  print("boom", label, "runs in", get());
  throw new ValueError(label);
}

const worker = aio.coroutine(async function worker() {
  const loop = aio.getRunningLoop();
  v.enterWith("worker");
  loop.callSoon(boom, "soon");
  loop.callLater(0.001, boom, "later");
  const fut = loop.createFuture();
  fut.addDoneCallback((f) => boom("done-cb"));
  fut.setResult(null);
  await aio.sleep(0.01);
  loop.callExceptionHandler({ message: "direct", exception: new ValueError("direct") });
});

const main = aio.coroutine(async function main(tag) {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler(handler);
  v.enterWith(`${tag}-main`);
  await aio.createTask(worker());
  print(tag, "main after worker", get());
});

function outside(loop, tag) {
  loop.setExceptionHandler(handler);
  v.run(`${tag}-outside`, () => loop.callSoon(boom, `${tag}-outside-soon`));
}

v.enterWith("top");
await aio.run(main("run"));
print("after run", get());
const loop = aio.newEventLoop();
outside(loop, "ruc");
await v.run("ruc-caller", () => loop.runUntilComplete(main("ruc")));
loop.close();
print("end", get());
