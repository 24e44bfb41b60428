import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";
// Async-function twin of adv10s_tg_abort_handover.mjs.


// A TaskGroup aborting while its children wait on a lock, semaphore, event, condition, barrier or
// queue (get, put, join), with a plain task outside the group in line between them: (1) the
// body wakes the first child and raises in the same step, so the child is cancelled after its
// wake-up and passes the lock, unit, item or slot on to the outsider (a condition drops the
// notification, an event's True is lost, barrier parties that tripped still get CancelledError);
// (2) a child wakes its sibling and raises: the sibling runs first (its wake-up was scheduled
// before the group's done callback), takes what it was given and is cancelled while holding it
// (its finally gives it back); (3) a helper wakes the first child and cancels the task that
// owns the group in the same step. The group's outcome, every child's and the outsider's, and
// the primitive's state per step.
const ValueError = errorClass("ValueError");
const KeyError = errorClass("KeyError");
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

function st(t) {
  if (!t.done()) return `P${t.cancelling()}`;
  if (t.cancelled()) return "C";
  if (t.exception() !== null) return t.exception().name;
  return repr(t.result());
}

const log = [];

class Prim {
  constructor(kind) {
    this.kind = kind;
    this.n = 0;
    if (kind === "lock") this.p = new aio.Lock();
    else if (kind === "sem") this.p = new aio.Semaphore(0);
    else if (kind === "event") this.p = new aio.Event();
    else if (kind === "cond") this.p = new aio.Condition();
    else if (kind === "barrier") this.p = new aio.Barrier(4);
    else if (kind === "get" || kind === "join") this.p = new aio.Queue();
    else if (kind === "put") this.p = new aio.Queue(1);
  }

  state() {
    return r(this.p);
  }

  async setup() {
    if (this.kind === "lock") await this.p.acquire();
    else if (this.kind === "put") this.p.putNowait("full");
    else if (this.kind === "join") {
      this.p.putNowait("job");
      this.p.getNowait();
    }
  }

  // wait on the primitive, then hold what was obtained for two steps
  async use(name) {
    const p = this.p;
    const k = this.kind;
    if (k === "lock" || k === "sem") {
      await p.acquire();
      log.push(tuple(name, "acquired"));
      try {
        await aio.sleep(0);
        await aio.sleep(0);
      } finally {
        p.release();
        log.push(tuple(name, "released"));
      }
      return name;
    }
    if (k === "event") return tuple(name, await p.wait());
    if (k === "cond") {
      await p.with(async function () {
        const v = await p.wait();
        log.push(tuple(name, "notified", v));
        await aio.sleep(0);
        log.push(tuple(name, "leaving"));
      });
      return name;
    }
    if (k === "barrier") return tuple(name, await p.wait());
    if (k === "get") {
      const v = await p.get();
      log.push(tuple(name, "got", v));
      return v;
    }
    if (k === "put") {
      this.n += 1;
      const item = `${name}-item`;
      await p.put(item);
      log.push(tuple(name, "put", item));
      return item;
    }
    if (k === "join") {
      await p.join();
      return tuple(name, "joined");
    }
  }

  async wake() {
    const p = this.p;
    const k = this.kind;
    log.push(tuple("wake", k));
    if (k === "lock" || k === "sem") p.release();
    else if (k === "event") p.set();
    else if (k === "cond") {
      await p.acquire(); // free: does not suspend
      p.notify(2);
      p.release();
    } else if (k === "barrier") log.push(tuple("waker index", await p.wait()));
    else if (k === "get") p.putNowait("x1");
    else if (k === "put") log.push(tuple("waker took", p.getNowait()));
    else if (k === "join") p.taskDone();
  }
}

const child = aio.coroutine(async function (prim, name) {
  try {
    return await prim.use(name);
  } catch (e) {
    if (isCancel(e)) log.push(tuple(name, "cancelled", args(e)));
    throw e;
  }
});

const owner = aio.coroutine(async function (prim, mode, kids) {
  try {
    await aio.taskGroup(async function (tg) {
      kids.push(tg.createTask(child(prim, "c1"), { name: "c1" }));
      await aio.sleep(0);
      kids.push(aio.createTask(child(prim, "W"), { name: "W" }));
      await aio.sleep(0);
      kids.push(tg.createTask(child(prim, "c2"), { name: "c2" }));
      await aio.sleep(0);
      log.push(tuple("owner ready", prim.state()));
      if (mode === "body") {
        await prim.wake();
        throw new ValueError("body");
      }
      if (mode === "child") {
        const failer = aio.coroutine(async function () {
          await prim.wake();
          throw new KeyError("child");
        });
        kids.push(tg.createTask(failer(), { name: "f" }));
      }
      await aio.sleep(10);
    });
  } catch (e) {
    const what = isCancel(e) ? args(e) : e.errors.map((x) => repr(x));
    log.push(tuple("owner raised", e.name, what, aio.currentTask().cancelling()));
    throw e;
  }
  return "owner done";
});

const helper = aio.coroutine(async function (prim, victim) {
  await prim.wake();
  log.push(tuple("helper cancels owner", victim.cancel("stop")));
});

const scenario = aio.coroutine(async function (kind, mode) {
  log.length = 0;
  const prim = new Prim(kind);
  await prim.setup();
  const kids = [];
  const own = aio.createTask(owner(prim, mode, kids), { name: "owner" });
  for (let i = 0; i < 4; i++) await aio.sleep(0);
  print("  ", ...log);
  log.length = 0;
  if (mode === "cancel") aio.createTask(helper(prim, own));
  const kidStates = () => kids.map((t) => `${t.getName()}=${st(t)}`);
  for (let i = 0; i < 8; i++) {
    await aio.sleep(0);
    print(`   step${i}`, ...log, "|", prim.state(), st(own), ...kidStates());
    log.length = 0;
  }
  // whoever still waits is cancelled
  for (const t of kids) if (!t.done()) t.cancel();
  await aio.gather(own, ...kids, { returnExceptions: true });
  print("   end", ...log, "|", prim.state(), st(own), ...kidStates());
});

aio.run(
  aio.coroutine(async function main() {
    for (const mode of ["body", "child", "cancel"]) {
      for (const kind of ["lock", "sem", "event", "cond", "barrier", "get", "put", "join"]) {
        print("--", mode, kind);
        await scenario(kind, mode);
      }
    }
  })(),
);
