import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Mixed twin of adv9a_supervisor.mjs: the workers are async functions, the supervisors
// generators.

// A supervisor restarting failed workers (one-for-one): it waits on its children with
// wait(FIRST_COMPLETED), restarts a child that raised (up to a budget per child, with a sleep(0)
// backoff), leaves one that finished or was cancelled (from outside, or by throwing
// CancelledError itself) alone, and reports each decision; main cancels one worker from outside,
// then the supervisor itself, which cancels and reaps the rest before re-throwing. Then a
// one-for-all supervisor: a TaskGroup of workers re-run as a whole when any fails (the group's
// ExceptionGroup is reported), until a run succeeds or the budget is spent. The done set of
// wait() is visited sorted by task name.
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(k) { super(repr(k)); this.name = "KeyError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const log = [];
const attempts = new Map();

const note = (...a) => log.push(a.map(str).join(" "));
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}
const sortedAttempts = () => [...attempts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => tuple(k, v));

const worker = aio.coroutine(async function (name, plan) {
  const n = (attempts.get(name) ?? 0) + 1;
  attempts.set(name, n);
  const step = plan[Math.min(n, plan.length) - 1];
  note(name, `start#${n}`, step);
  try {
    const [kind, ticks] = step.split(":");
    for (let i = 0; i < Number(ticks); i++) await aio.sleep(0);
    if (kind === "ok") return `${name}#${n} ok`;
    if (kind === "value") throw new ValueError(`${name}#${n}`);
    if (kind === "key") throw new KeyError(name);
    if (kind === "cancel") throw new aio.CancelledError(`${name} gives up`);
    if (kind === "hang") await aio.sleep(30);
  } catch (e) {
    if (isCancel(e)) note(name, `cancelled#${n}`, repr(str(e)));
    throw e;
  }
});

function outcome(t) {
  if (t.cancelled()) return "cancelled";
  const e = t.exception();
  if (e !== null) return `${e.name}(${repr(str(e))})`;
  return repr(t.result());
}

const supervisor = aio.coroutine(function* (specs, budget) {
  const children = new Map();
  const restarts = new Map(Object.keys(specs).map((n) => [n, 0]));
  const final = {};
  const spawn = (name) => children.set(name, aio.createTask(worker(name, specs[name]), { name }));
  for (const name of Object.keys(specs)) spawn(name);
  try {
    while (children.size) {
      const [done] = yield* aio.wait([...children.values()], { returnWhen: aio.FIRST_COMPLETED });
      for (const t of [...done].sort((a, b) => (a.getName() < b.getName() ? -1 : 1))) {
        const name = t.getName();
        children.delete(name);
        const res = outcome(t);
        if (t.cancelled() || t.exception() === null) {
          note("sup:", name, "ended", res, "-> leave");
          final[name] = res;
        } else if (restarts.get(name) < budget) {
          restarts.set(name, restarts.get(name) + 1);
          note("sup:", name, "failed", res, "-> restart", restarts.get(name));
          yield* aio.sleep(0);
          spawn(name);
        } else {
          note("sup:", name, "failed", res, "-> budget spent");
          final[name] = "gave up after " + res;
        }
      }
    }
    return final;
  } catch (e) {
    if (!isCancel(e)) throw e;
    note("sup: cancelled", repr(str(e)), "reaping", [...children.keys()].sort());
    for (const t of children.values()) t.cancel("supervisor down");
    const res = yield* aio.gather(...children.values(), { returnExceptions: true });
    note("sup: reaped", res.map((r) => (r instanceof Error ? r.name : "str")));
    throw e;
  }
});

await aio.run(function* () {
  {
    print("-- one-for-one");
    const specs = {
      a: ["value:1", "value:2", "ok:1"],
      b: ["key:0"],
      c: ["ok:3"],
      d: ["hang:0"],
      e: ["cancel:2"],
      f: ["value:0", "hang:0"],
      g: ["hang:0"],
    };
    const sup = aio.createTask(supervisor(specs, 2), { name: "sup" });
    for (let tick = 1; tick < 17; tick++) {
      yield* aio.sleep(0);
      if (tick === 4) {
        for (const t of aio.allTasks()) {
          if (t.getName() === "d") note("main cancels d ->", t.cancel("from main"));
        }
      }
      flush(`tick ${tick}`);
    }
    print("attempts", sortedAttempts());
    print("cancel sup ->", sup.cancel("maintenance"));
    try {
      yield* sup;
    } catch (e) {
      if (!isCancel(e)) throw e;
      flush(`sup ended cancelled ${repr(str(e))} cancelling ${sup.cancelling()}`);
    }
  }

  {
    print("-- one-for-all");
    attempts.clear();
    const groupRun = aio.coroutine(function* (run) {
      let ts;
      yield* aio.taskGroup(function* (tg) {
        ts = [tg.createTask(worker("x", ["ok:2", "ok:1", "ok:0"])),
          tg.createTask(worker("y", ["value:1", "key:3", "ok:1"])),
          tg.createTask(worker("z", ["hang:0", "hang:0", "ok:2"]))];
      });
      return ts.map((t) => t.result());
    });
    for (let run = 1; run < 5; run++) {
      try {
        const res = yield* groupRun(run);
        flush(`run ${run} ok ${repr(res)}`);
        break;
      } catch (eg) {
        if (!(eg instanceof aio.ExceptionGroup)) throw eg;
        flush(`run ${run} failed ${repr(eg.errors.map((e) => tuple(e.name, str(e))))}`);
      }
    }
    print("attempts", sortedAttempts());
    const me = aio.currentTask();
    print("tasks left", [...aio.allTasks()].filter((t) => t !== me).map((t) => t.getName()).sort());
  }
});
