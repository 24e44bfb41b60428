// Differential fuzzing, async-function twin of interp.py (read it first): the same spec, the
// same ops, the same awaits in the same order, the same trace.
import * as aio from "aionode";
import { pyStr, repr } from "../diff/pyfmt.mjs";

const spec = JSON.parse(process.argv[2]);
const tasks = [];
const events = [];
const queues = [];
const locks = [];

function fmtExc(e) {
  if (e instanceof aio.ExceptionGroup) return `ExceptionGroup[${e.errors.map(fmtExc).join(", ")}]`;
  return `${e.name}(${pyStr(e.message)})`;
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

async function doOp(name, op) {
  const k = op[0];
  if (k === "s") {
    await aio.sleep(0);
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
    const r = await t;
    print(name, "awaited", t.getName(), fmtVal(r));
  } else if (k === "g") {
    const r = await aio.gather(...op[1].map((j) => tasks[j]), { returnExceptions: op[2] });
    print(name, "gathered", fmtVal(r));
  } else if (k === "sh") {
    const r = await aio.shield(tasks[op[1]]);
    print(name, "shielded", fmtVal(r));
  } else if (k === "wf") {
    const r = await aio.waitFor(tasks[op[1]], op[2]);
    print(name, "waited_for", fmtVal(r));
  } else if (k === "w") {
    const [done, pending] = await aio.wait(
      op[1].map((j) => tasks[j]),
      { returnWhen: RETURN_WHEN[op[2]] },
    );
    print(name, "waited", [...done].map((t) => t.getName()).sort(), pending.size);
  } else if (k === "to") {
    await aio.timeout(op[1], async function () {
      await runOps(name, op[2]);
    });
    print(name, "timeout_block_done");
  } else if (k === "tg") {
    await aio.taskGroup(async function (tg) {
      for (const child of op[1]) tg.createTask(actor(child), { name: child.name });
      await runOps(name, op[2]);
    });
    print(name, "taskgroup_done");
  } else if (k === "catch") {
    try {
      await runOps(name, op[1]);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(name, "caught", fmtExc(e), "cancelling", aio.currentTask().cancelling());
    }
  } else if (k === "lk") {
    await locks[op[1]].with(async function () {
      print(name, "locked", op[1]);
      await runOps(name, op[2]);
    });
    print(name, "unlocked", op[1]);
  } else if (k === "ac") {
    for (const f of aio.asCompleted(op[1].map((j) => tasks[j]))) {
      const r = await f;
      print(name, "completed", fmtVal(r));
    }
  } else if (k === "ev") {
    await events[op[1]].wait();
    print(name, "event", op[1]);
  } else if (k === "es") {
    events[op[1]].set();
  } else if (k === "qp") {
    queues[op[1]].putNowait(op[2]);
  } else if (k === "qg") {
    const v = await queues[op[1]].get();
    print(name, "got", op[1], v);
  } else {
    throw new Error(`bad op ${JSON.stringify(op)}`);
  }
}

async function runOps(name, ops) {
  for (const op of ops) {
    if (op[0] === "r") throw new ValueError(op[1]);
    if (op[0] === "ret") return op[1];
    try {
      await doOp(name, op);
    } catch (e) {
      if (e instanceof aio.CancelledError) throw e;
      print(name, op[0], "raised", fmtExc(e));
    }
  }
  return null;
}

const actor = aio.coroutine(async function (s) {
  const name = s.name;
  try {
    const r = await runOps(name, s.ops);
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

await aio.run(async function () {
  for (let i = 0; i < spec.events; i++) events.push(new aio.Event());
  for (let i = 0; i < spec.queues; i++) queues.push(new aio.Queue());
  for (let i = 0; i < spec.locks; i++) locks.push(new aio.Lock());
  for (const s of spec.tasks) tasks.push(aio.createTask(actor(s), { name: s.name }));
  for (const op of spec.main) {
    try {
      await doOp("main", op);
    } catch (e) {
      print("main", op[0], "raised", fmtExc(e));
    }
  }
  for (const e of events) e.set();
  for (const q of queues) for (let i = 0; i < spec.drain; i++) q.putNowait(-1);
  for (let r = 0; r < 4; r++) {
    for (const t of tasks) if (!t.done()) print("main", "final_cancel", t.getName(), t.cancel());
    await aio.sleep(0);
  }
  const res = await aio.gather(...tasks, { returnExceptions: true });
  tasks.forEach((t, i) => print("final", t.getName(), fmtVal(res[i])));
});
