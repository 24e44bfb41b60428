import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Async-function twin of adv9a_fanout_fanin.mjs.

// Fan-out/fan-in as a service does it: (1) a gather of three shard gathers, one shard failing:
// the outer gather raises at once while every other fetch runs on (the trace shows them finish
// afterwards) and the failed inner gather's future carries the error; (2) a TaskGroup whose two
// children fail in the same tick: the siblings are cancelled (one resists and returns a value
// after a sleep(0)), createTask on the aborting group is refused, the ExceptionGroup lists both
// errors in order, the body's own error joins them when the body throws; (3) a TaskGroup inside
// a gather(returnExceptions) next to plain tasks; (4) fan-in of the first two answers with
// asCompleted, then the rest cancelled and gathered; (5) the caller cancelled while its
// TaskGroup waits: the children get cancelled, the group re-throws CancelledError, cancelling()
// counts are reported, and the loop goes on.
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(k) { super(repr(k)); this.name = "KeyError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const log = [];

const fetch = aio.coroutine(async function (name, kind, ticks) {
  try {
    for (let i = 0; i < ticks; i++) await aio.sleep(0);
    if (kind === "fail") {
      log.push(`${name} fails`);
      throw new ValueError(name);
    }
    if (kind === "hang") await aio.sleep(30);
    log.push(`${name} ok`);
    return name.toUpperCase();
  } catch (e) {
    if (!isCancel(e)) throw e;
    log.push(`${name} cancelled ${repr(str(e))}`);
    if (kind === "resist") {
      await aio.sleep(0);
      log.push(`${name} resisted`);
      return "resisted";
    }
    throw e;
  }
});

function flush(tag) {
  print(tag, "|", log.join(", "));
  log.length = 0;
}

function desc(x) {
  if (x instanceof aio.ExceptionGroup) return `${x.name}(${repr(str(x))}, [${x.errors.map(desc).join(", ")}])`;
  if (x instanceof Error) return `${x.name}(${repr(str(x))})`;
  return repr(x);
}

await aio.run(async function () {
  {
    print("-- nested gathers");
    const shards = [0, 1, 2].map((s) => aio.gather(...[0, 1, 2].map((i) =>
      fetch(`s${s}.${i}`, s === 1 && i === 1 ? "fail" : "ok", i + s))));
    try {
      print("outer ->", await aio.gather(...shards));
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      flush(`outer raised ${desc(e)}`);
    }
    print("shards done", shards.map((s) => s.done()));
    for (let i = 0; i < 4; i++) await aio.sleep(0);
    flush("later");
    print("shards", shards.map((s) => (s.exception() ? desc(s.exception()) : s.result())));
  }

  {
    print("-- TaskGroup, two children fail in one tick");
    const refused = [];
    const lateSpawner = aio.coroutine(async function (tg) {
      try {
        await aio.sleep(0);
        await aio.sleep(0);
        await aio.sleep(0);
      } catch (e) {
        if (isCancel(e)) {
          try {
            tg.createTask(fetch("late", "ok", 0));
          } catch (e2) {
            if (e2.name !== "RuntimeError") throw e2;
            refused.push(e2.name);
          }
        }
        throw e;
      }
    });
    const kids = new Map();
    try {
      await aio.taskGroup(async function (tg) {
        kids.set("x", tg.createTask(fetch("x", "fail", 2), { name: "x" }));
        kids.set("y", tg.createTask(fetch("y", "fail", 2), { name: "y" }));
        kids.set("z", tg.createTask(fetch("z", "hang", 0), { name: "z" }));
        kids.set("r", tg.createTask(fetch("r", "resist", 9), { name: "r" }));
        kids.set("s", tg.createTask(lateSpawner(tg), { name: "s" }));
        kids.set("o", tg.createTask(fetch("o", "ok", 1), { name: "o" }));
        log.push("body waits");
      });
      log.push("not reached");
    } catch (eg) {
      if (!(eg instanceof aio.ExceptionGroup)) throw eg;
      flush(`group raised ${desc(eg)}`);
    }
    print("refused", refused);
    print("kids", [...kids].map(([k, t]) => tuple(k, t.cancelled() ? "cancelled" : t.exception() ? desc(t.exception()) : t.result())));
  }

  {
    print("-- TaskGroup body raises too");
    try {
      await aio.taskGroup(async function (tg) {
        tg.createTask(fetch("p", "fail", 1));
        tg.createTask(fetch("q", "hang", 0));
        await aio.sleep(0);
        log.push("body raises");
        throw new KeyError("body");
      });
    } catch (eg) {
      flush(`group raised ${desc(eg)}`);
    }
  }

  {
    print("-- TaskGroup inside gather(return_exceptions)");
    const grouped = aio.coroutine(async function (tag, bad) {
      let ts;
      await aio.taskGroup(async function (tg) {
        ts = [0, 1, 2].map((i) => tg.createTask(fetch(`${tag}${i}`, i === bad ? "fail" : "ok", i)));
      });
      return ts.map((t) => t.result());
    });
    const res = await aio.gather(grouped("g", null), grouped("h", 1), fetch("solo", "ok", 2),
      { returnExceptions: true });
    flush("gathered");
    print("results", res.map(desc));
  }

  {
    print("-- first two answers, the rest cancelled");
    const ts = [0, 1, 2, 3, 4, 5].map((i) => aio.createTask(fetch(`m${i}`, i % 2 ? "hang" : "ok", 3 - Math.floor(i / 2))));
    const got = [];
    for (const f of aio.asCompleted(ts)) {
      got.push(await f);
      if (got.length === 2) break;
    }
    flush(`first two ${repr(got)}`);
    for (const t of ts) t.cancel("enough");
    const res = await aio.gather(...ts, { returnExceptions: true });
    flush("rest");
    print("results", res.map(desc));
  }

  {
    print("-- the caller cancelled while its TaskGroup waits");
    let me = null;
    const caller = aio.coroutine(async function () {
      me = aio.currentTask();
      try {
        await aio.taskGroup(async function (tg) {
          tg.createTask(fetch("c1", "hang", 0));
          tg.createTask(fetch("c2", "resist", 5));
          log.push("caller body done");
        });
      } catch (e) {
        if (isCancel(e)) log.push(`caller got CancelledError ${repr(str(e))} cancelling ${me.cancelling()}`);
        throw e;
      }
    });
    const t = aio.createTask(caller());
    await aio.sleep(0);
    await aio.sleep(0);
    print("cancel caller ->", t.cancel("stop caller"));
    try {
      await t;
    } catch (e) {
      if (!isCancel(e)) throw e;
      flush(`caller ended cancelled ${repr(str(e))}`);
    }
    print("alive", await aio.sleep(0, "yes"), "cancelling", t.cancelling());
  }
});
