import { AsyncLocalStorage } from "node:async_hooks";
import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// contextvars: a callback runs in a copy of the context it was scheduled in (call_soon,
// call_later, add_done_callback): a set by the scheduling task after scheduling is not seen by
// it, and its own set reaches neither that task nor the other callbacks. (aionode twins: with
// trackAsyncTasks(true), which gives every callback its own copy; without it, callbacks a
// generator step schedules share its context: see the README.)
aio.trackAsyncTasks(true);

const v = new AsyncLocalStorage();
const get = () => v.getStore() ?? "<unset>";

const log = [];
const note = (label) => log.push(`${label}: ${get()}`);

function setter(label, value) {
  note(`${label} before set`);
  v.enterWith(value);
  note(`${label} after set`);
}

const worker = aio.coroutine(function* worker(label) {
  const loop = aio.getRunningLoop();
  v.enterWith(`${label}-1`);
  loop.callSoon(note, `${label} call_soon`);
  loop.callLater(0.001, note, `${label} call_later`);
  const fut = loop.createFuture();
  fut.addDoneCallback((f) => note(`${label} done cb`));
  loop.callSoon(setter, `${label} setter`, `${label}-by-callback`);
  loop.callSoon(note, `${label} after setter`);
  v.enterWith(`${label}-2`);
  fut.setResult(null);
  const me = aio.currentTask();
  me.addDoneCallback((t) => note(`${label} own done cb`));
  yield* aio.sleep(0);
  note(`${label} task after one tick`);
  v.enterWith(`${label}-3`);
  yield* aio.sleep(0.005);
  note(`${label} task end`);
});

const main = aio.coroutine(function* main() {
  v.enterWith("main");
  const a = aio.createTask(worker("a"));
  const b = aio.createTask(worker("b"));
  yield* aio.gather(a, b);
  yield* aio.sleep(0);
  note("main end");
});

v.enterWith("top");
await aio.run(main);
// sorted: the subject is each callback's context, not the interleaving of timers
for (const line of log.sort()) print(line);
