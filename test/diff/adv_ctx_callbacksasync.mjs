import { AsyncLocalStorage } from "node:async_hooks";
import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// contextvars and loop callbacks: call_soon / call_later / call_at run in the context of the point
// that scheduled them; from outside the loop that is the context given (Context.run), from a task
// its context, from a callback the callback's. Done callbacks run in the context of the code
// that added them. A task created in a callback copies the callback's context. (aionode twin:
// AsyncLocalStorage; the tasks do not change their value between scheduling a callback and its
// run, which is where aionode differs: see the README.)

const v = new AsyncLocalStorage();
const get = () => v.getStore() ?? "<unset>";
const inCtx = (value, fn, ...args) => v.run(value, fn, ...args);

const log = [];
const note = (label) => log.push(`${label}: ${get()}`);

const worker = aio.coroutine(async function worker(label, fut, gate) {
  note(`${label} start`);
  v.enterWith(label);
  const loop = aio.getRunningLoop();
  loop.callSoon(note, `${label} call_soon`);
  loop.callLater(0.001, note, `${label} call_later`);
  fut.addDoneCallback((f) => note(`${label} done cb of shared future`));
  const hop = () => {
    note(`${label} hop 1`);
    loop.callSoon(note, `${label} hop 2`);
  };
  loop.callSoon(hop);
  await gate;
  note(`${label} after gate`);
  return get();
});

const spawnerCbTarget = aio.coroutine(async function spawnerCbTarget(label) {
  note(`${label} task start`);
  await aio.sleep(0);
  v.enterWith(`${label}-changed`);
  return get();
});

const adder = aio.coroutine(async function adder(t) {
  v.enterWith("adder");
  t.addDoneCallback((t) => note("added by adder"));
});

const main = aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();
  note("main start");
  const fut = loop.createFuture();
  const gate = loop.createFuture();
  const a = inCtx("A", aio.createTask, worker("wa", fut, gate));
  const b = inCtx("B", aio.createTask, worker("wb", fut, gate));
  await aio.sleep(0);
  fut.setResult(null);
  await aio.sleep(0.005);
  gate.setResult(null);
  note(`results ${await a} ${await b}`);
  // a task created in a done callback (added from outside the loop, in context D) copies the
  // callback's context; its set stays inside it
  trigger.setResult(null);
  note(`spawned -> ${await done}`);
  // a done callback added to a task by another task sees its adder's context
  const target = aio.createTask(aio.sleep(0.002));
  await aio.createTask(adder(target));
  target.addDoneCallback((t) => note("added by main"));
  await target;
  await aio.sleep(0);
  note("main end");
});

let trigger = null;
let done = null;
const spawn = (f) => {
  note("spawn cb");
  const t = aio.createTask(spawnerCbTarget("spawned"));
  t.addDoneCallback((t) => done.setResult(t.result()));
  note("spawn cb after create_task");
};

function setup(loop) {
  // scheduled from outside the loop, in given contexts
  inCtx("S1", (...a) => loop.callSoon(...a), note, "outside call_soon");
  inCtx("S2", (...a) => loop.callLater(...a), 0.003, note, "outside call_later");
  inCtx("S3", (...a) => loop.callAt(...a), loop.time() + 0.004, note, "outside call_at");
  loop.callSoon(note, "outside plain");
  trigger = loop.createFuture();
  done = loop.createFuture();
  inCtx("D", (cb) => trigger.addDoneCallback(cb), spawn);
}

v.enterWith("top");
const loop = aio.newEventLoop();
setup(loop);
await loop.runUntilComplete(main());
loop.close();
// sorted: what is checked here is each callback's context, not the order timers and ready
// callbacks interleave in (which depends on timing)
for (const line of log.sort()) print(line);
print("end", get());
