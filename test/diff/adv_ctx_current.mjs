import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// current_task() identity around callbacks: None inside call_soon / call_later / call_at
// callbacks a task scheduled, inside done callbacks of futures and tasks (added by a task), in a
// callback scheduled by a callback; the new task inside a task a callback created; the awaiting
// task inside awaited coroutines, timeout and TaskGroup bodies; each child inside gather / wait_for
// / TaskGroup children; the task again after every kind of await. The scenario runs twice (the
// aionode twins turn trackAsyncTasks(true) on for the second round).

function cur() {
  const t = aio.currentTask();
  return t === null ? "None" : t.getName();
}

const inner = aio.coroutine(function* inner(log, label) {
  log.push(`${label} inner ${cur()}`);
  yield* aio.sleep(0);
  log.push(`${label} inner after sleep ${cur()}`);
  return cur();
});

const named = aio.coroutine(function* named(log, label) {
  log.push(`${label} ${cur()}`);
  yield* aio.sleep(0);
  return cur();
});

let mainTask = null;
const pyBool = (b) => (b ? "True" : "False");

const anon = aio.coroutine(function* anon(log, label) {
  // a child task with a default name: is it the awaiting task?
  const me = aio.currentTask();
  log.push(`${label} is main ${pyBool(me === mainTask)} is None ${pyBool(me === null)}`);
  yield* aio.sleep(0);
  return aio.currentTask() === me;
});

const main = aio.coroutine(function* main(rnd) {
  const loop = aio.getRunningLoop();
  const log = [];
  const me = aio.currentTask();
  me.setName(`main${rnd}`);
  mainTask = me;
  loop.callSoon(() => log.push(`call_soon ${cur()}`));
  loop.callLater(0, () => log.push(`call_later ${cur()}`));
  loop.callAt(loop.time(), () => log.push(`call_at ${cur()}`));
  const chained = () => {
    log.push(`chained first ${cur()}`);
    loop.callSoon(() => log.push(`chained second ${cur()}`));
  };
  loop.callSoon(chained);
  const fut = loop.createFuture();
  fut.addDoneCallback((f) => log.push(`future done cb ${cur()}`));
  const child = aio.createTask(named(log, "child"), { name: `child${rnd}` });
  child.addDoneCallback((f) => log.push(`child done cb ${cur()}`));
  loop.callSoon((v) => fut.setResult(v), 1);
  for (let i = 0; i < 5; i++) yield* aio.sleep(0);
  log.push(`main after sleep ${cur()}`);
  // a task created inside a callback
  const box = loop.createFuture();
  const spawn = () => {
    log.push(`spawn cb ${cur()}`);
    box.setResult(aio.createTask(named(log, "spawned"), { name: `spawned${rnd}` }));
  };
  loop.callSoon(spawn);
  const t = yield* box;
  log.push(`spawned -> ${yield* t}; main ${cur()}`);
  // awaited coroutines and bodies run in the awaiting task
  log.push(`inner -> ${yield* inner(log, "direct")}`);
  yield* aio.timeout(5, function* () {
    log.push(`timeout body ${cur()}`);
    yield* aio.sleep(0);
    log.push(`timeout body after sleep ${cur()}`);
  });
  yield* aio.taskGroup(function* (tg) {
    log.push(`taskgroup body ${cur()}`);
    tg.createTask(named(log, "tg child"), { name: `tgchild${rnd}` });
    yield* aio.sleep(0);
  });
  const r = yield* aio.gather(anon(log, "gather a"), anon(log, "gather b"));
  log.push(`gather -> ${repr(r)} ${cur()}`);
  const w = yield* aio.waitFor(anon(log, "wait_for"), 5);
  log.push(`wait_for -> ${repr(w)} ${cur()}`);
  const s = yield* aio.shield(anon(log, "shield"));
  log.push(`shield -> ${repr(s)} ${cur()}`);
  log.push(`main end ${cur()}`);
  for (const line of log) print(rnd, line);
});

await aio.run(main(1));
aio.trackAsyncTasks(true);
await aio.run(main(2));
