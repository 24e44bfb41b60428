// Differential fuzzing, generator-coroutine twin of interp.py (read it first): the same spec, the
// same ops, the same awaits in the same order, the same trace.
import * as aio from "aionode";
import { pyStr, repr } from "../diff/pyfmt.mjs";

const spec = JSON.parse(process.argv[2]);
const tasks = [];
const events = [];
const queues = [];
const locks = [];
const sems = [];
const conds = [];
const barrier = [];
/** TaskGroup children, in the order they started. */
const children = [];
/** Task name -> its stack of entered timeout() objects. */
const timeouts = new Map();
/** The Handles of cs/cl ops, in the order they were made. */
const handles = [];

function cb(i) {
  print("cb", i);
}

function fmtExc(e) {
  if (e instanceof aio.ExceptionGroup) return `ExceptionGroup[${e.errors.map(fmtExc).join(", ")}]`;
  // aionode throws RangeError where Python raises ValueError (README, "Python to aionode").
  return `${e.name === "RangeError" ? "ValueError" : e.name}(${pyStr(e.message)})`;
}

function fmtVal(v) {
  if (v instanceof Error) return fmtExc(v);
  if (Array.isArray(v)) return `[${v.map(fmtVal).join(", ")}]`;
  return repr(v);
}

function print(...args) {
  console.log(args.map((a) => (typeof a === "string" ? a : repr(a))).join(" "));
}

class ValueError extends Error {
  constructor(message) {
    super(message);
    this.name = "ValueError";
  }
}

const RETURN_WHEN = { FIRST_COMPLETED: aio.FIRST_COMPLETED, FIRST_EXCEPTION: aio.FIRST_EXCEPTION, ALL_COMPLETED: aio.ALL_COMPLETED };

function* doOp(name, op) {
  const k = op[0];
  if (k === "s") {
    yield* aio.sleep(0);
    print(name, "slept");
  } else if (k === "p") {
    print(name, "cancelling", aio.currentTask().cancelling());
  } else if (k === "u") {
    print(name, "uncancel", aio.currentTask().uncancel());
  } else if (k === "c") {
    const t = tasks[op[1]];
    print(name, "cancel", t.getName(), t.cancel(op[2] ?? undefined));
  } else if (k === "a") {
    const t = tasks[op[1]];
    const r = yield* t;
    print(name, "awaited", t.getName(), fmtVal(r));
  } else if (k === "g") {
    const r = yield* aio.gather(...op[1].map((j) => tasks[j]), { returnExceptions: op[2] });
    print(name, "gathered", fmtVal(r));
  } else if (k === "sh") {
    const r = yield* aio.shield(tasks[op[1]]);
    print(name, "shielded", fmtVal(r));
  } else if (k === "wf") {
    const r = yield* aio.waitFor(tasks[op[1]], op[2]);
    print(name, "waited_for", fmtVal(r));
  } else if (k === "w") {
    const [done, pending] = yield* aio.wait(
      op[1].map((j) => tasks[j]),
      { returnWhen: RETURN_WHEN[op[2]] },
    );
    print(name, "waited", [...done].map((t) => t.getName()).sort(), pending.size);
  } else if (k === "to") {
    yield* aio.timeout(op[1], function* (cm) {
      if (!timeouts.has(name)) timeouts.set(name, []);
      const stack = timeouts.get(name);
      stack.push(cm);
      try {
        yield* runOps(name, op[2]);
      } finally {
        stack.pop();
      }
    });
    print(name, "timeout_block_done");
  } else if (k === "tr") {
    const stack = timeouts.get(name);
    const cm = stack[stack.length - 1];
    const loop = aio.getRunningLoop();
    cm.reschedule(op[1] === null ? null : loop.time() + (op[1] === "now" ? 0 : 10));
    print(name, "rescheduled", op[1]);
  } else if (k === "te") {
    const stack = timeouts.get(name);
    print(name, "expired", stack[stack.length - 1].expired());
  } else if (k === "tg") {
    yield* aio.taskGroup(function* (tg) {
      for (const child of op[1]) tg.createTask(actor(child), { name: child.name });
      yield* runOps(name, op[2]);
    });
    print(name, "taskgroup_done");
  } else if (k === "catch") {
    try {
      yield* runOps(name, op[1]);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(name, "caught", fmtExc(e), "cancelling", aio.currentTask().cancelling());
    }
  } else if (k === "lk") {
    yield* locks[op[1]].with(function* () {
      print(name, "locked", op[1]);
      yield* runOps(name, op[2]);
    });
    print(name, "unlocked", op[1]);
  } else if (k === "ac") {
    for (const f of aio.asCompleted(op[1].map((j) => tasks[j]))) {
      const r = yield* f;
      print(name, "completed", fmtVal(r));
    }
  } else if (k === "ev") {
    yield* events[op[1]].wait();
    print(name, "event", op[1]);
  } else if (k === "cs") {
    handles.push(aio.getRunningLoop().callSoon(cb, handles.length));
  } else if (k === "cl") {
    handles.push(aio.getRunningLoop().callLater(op[1], cb, handles.length));
  } else if (k === "hc") {
    if (handles.length > 0) {
      const i = op[1] % handles.length;
      handles[i].cancel();
      print(name, "handle_cancel", i);
    }
  } else if (k === "es") {
    events[op[1]].set();
  } else if (k === "qp") {
    queues[op[1]].putNowait(op[2]);
  } else if (k === "qg") {
    const v = yield* queues[op[1]].get();
    queues[op[1]].taskDone();
    print(name, "got", op[1], v);
  } else if (k === "qpa") {
    yield* queues[op[1]].put(op[2]);
    print(name, "put", op[1], op[2]);
  } else if (k === "qn") {
    const v = queues[op[1]].getNowait();
    queues[op[1]].taskDone();
    print(name, "got_nowait", op[1], v);
  } else if (k === "qj") {
    yield* queues[op[1]].join();
    print(name, "joined", op[1]);
  } else if (k === "sem") {
    yield* sems[op[1]].with(function* () {
      print(name, "sem_acquired", op[1]);
      yield* runOps(name, op[2]);
    });
    print(name, "sem_released", op[1]);
  } else if (k === "sr") {
    sems[op[1]].release();
    print(name, "sem_release", op[1]);
  } else if (k === "cw") {
    const cond = conds[op[1]];
    yield* cond.with(function* () {
      yield* cond.wait();
      print(name, "notified", op[1]);
    });
  } else if (k === "cn") {
    const cond = conds[op[1]];
    yield* cond.with(() => {
      if (op[2] === null) cond.notifyAll();
      else cond.notify(op[2]);
    });
    print(name, "notify", op[1], op[2]);
  } else if (k === "bw") {
    const i = yield* barrier[0].wait();
    print(name, "barrier", i);
  } else if (k === "ba") {
    yield* barrier[0].abort();
    print(name, "barrier_abort", barrier[0].broken);
  } else if (k === "br") {
    yield* barrier[0].reset();
    print(name, "barrier_reset", barrier[0].nWaiting);
  } else {
    throw new Error(`bad op ${JSON.stringify(op)}`);
  }
}

function* runOps(name, ops) {
  for (const op of ops) {
    if (op[0] === "r") throw new ValueError(op[1]);
    if (op[0] === "ret") return op[1];
    try {
      yield* doOp(name, op);
    } catch (e) {
      if (e instanceof aio.CancelledError) throw e;
      print(name, op[0], "raised", fmtExc(e));
    }
  }
  return null;
}

const actor = aio.coroutine(function* (s) {
  const name = s.name;
  if (!tasks.includes(aio.currentTask())) children.push(aio.currentTask());
  try {
    const r = yield* runOps(name, s.ops);
    print(name, "returns", fmtVal(r));
    return r;
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      print(name, "cancelled", fmtExc(e), "cancelling", aio.currentTask().cancelling());
      if (s.swallow) return "swallowed";
    }
    throw e;
  }
});

await aio.run(function* () {
  for (let i = 0; i < spec.events; i++) events.push(new aio.Event());
  const kinds = { Q: aio.Queue, L: aio.LifoQueue, P: aio.PriorityQueue };
  for (const [kind, size] of spec.queues) queues.push(new kinds[kind](size));
  for (let i = 0; i < spec.locks; i++) locks.push(new aio.Lock());
  for (let i = 0; i < spec.sems; i++) sems.push(i % 2 === 0 ? new aio.Semaphore(2) : new aio.BoundedSemaphore(1));
  for (let i = 0; i < spec.conds; i++) conds.push(new aio.Condition());
  barrier.push(new aio.Barrier(spec.parties));
  for (const s of spec.tasks) tasks.push(aio.createTask(actor(s), { name: s.name }));
  for (const op of spec.main) {
    try {
      yield* doOp("main", op);
    } catch (e) {
      print("main", op[0], "raised", fmtExc(e));
    }
  }
  for (const e of events) e.set();
  for (const q of queues) for (let i = 0; i < spec.drain && !q.full(); i++) q.putNowait(-1);
  // Cancel what is left, TaskGroup children too, until everything has ended (see interp.py).
  for (let r = 0; r < 100; r++) {
    const left = [...tasks, ...children].filter((t) => !t.done());
    if (left.length === 0) break;
    for (const t of left) print("main", "final_cancel", t.getName(), t.cancel());
    yield* aio.sleep(0);
  }
  const res = yield* aio.gather(...tasks, { returnExceptions: true });
  tasks.forEach((t, i) => print("final", t.getName(), fmtVal(res[i])));
  // Callbacks still queued (callSoon, callLater(0)) run before main returns.
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  // AIONODE_FUZZ_DEBUG=1: the same program in debug mode, whose loop queues due timers one entry
  // each (not in batches) and runs callbacks through its slow-callback check; the trace must not change.
}, { debug: process.env.AIONODE_FUZZ_DEBUG === "1" });
