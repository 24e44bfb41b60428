import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv6q_cancel_points.mjs.

// A get()/put()/acquire() task cancelled at every point: before its first step (it never lines
// up), while waiting (with a message; cancel() twice in one iteration: the second message wins
// and cancelling() counts 2), after it was woken (the item, slot or unit goes to the next one),
// a waiter that catches CancelledError, uncancels and waits again (at the back of the line),
// one that swallows the cancellation and returns, and a getter still waiting when main returns
// (asyncio.run cancels it; its handler puts an item back).
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

function state(t) {
  if (!t.done()) return "pending";
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return t.exception().name;
  return "result " + repr(t.result());
}

const spin = aio.coroutine(async function (k) {
  for (let i = 0; i < k; i++) await aio.sleep(0);
});

const leftoverQ = new aio.Queue();

const leftover = aio.coroutine(async function () {
  try {
    await leftoverQ.get();
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      leftoverQ.putNowait("put back");
      print("leftover cancelled", args(e), String(leftoverQ));
    }
    throw e;
  }
});

await aio.run(async function () {
  const log = [];
  const flush = (tag, obj) => {
    print(tag, ...log, "|", String(obj));
    log.length = 0;
  };

  const op = aio.coroutine(async function (name, aw, mode = "plain") {
    const me = aio.currentTask();
    while (true) {
      try {
        const v = await aw();
        log.push(tuple(name, "got", v));
        return v;
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        log.push(tuple(name, "cancelled", args(e), me.cancelling()));
        if (mode === "retry") {
          me.uncancel();
          mode = "plain";
          continue;
        }
        if (mode === "swallow") return "swallowed";
        throw e;
      }
    }
  });

  for (const kind of ["get", "put", "acquire"]) {
    print("--", kind);
    let obj, aw, feed;
    if (kind === "get") {
      obj = new aio.Queue();
      aw = () => obj.get();
      feed = () => obj.putNowait("item");
    } else if (kind === "put") {
      obj = new aio.Queue(1);
      obj.putNowait("first");
      aw = () => obj.put("more");
      feed = () => obj.getNowait();
    } else {
      obj = new aio.Semaphore(0);
      aw = () => obj.acquire();
      feed = () => obj.release();
    }
    const ts = {};
    ts.before = aio.createTask(op("before", aw));
    ts.before.cancel("never started");
    for (const n of ["msg", "twice", "woken", "retry", "swallow", "last"]) {
      ts[n] = aio.createTask(op(n, aw, n === "retry" || n === "swallow" ? n : "plain"));
    }
    await spin(1);
    flush("lined up", obj);
    ts.msg.cancel("m1");
    ts.twice.cancel("t1");
    ts.twice.cancel("t2");
    await spin(1);
    flush("msg and twice cancelled " + repr(["before", "msg", "twice"].map((n) => state(ts[n]))), obj);
    feed();
    ts.woken.cancel("w");
    ts.retry.cancel("r");
    flush("fed one, woken and retry cancelled", obj);
    await spin(1);
    flush("tick1", obj);
    await spin(1);
    flush("tick2", obj);
    ts.swallow.cancel();
    feed();
    flush("swallow cancelled after a second feed", obj);
    await spin(2);
    flush("tick4", obj);
    feed();
    await spin(2);
    flush("third feed", obj);
    print("states", Object.fromEntries(Object.entries(ts).map(([n, t]) => [n, state(t)])));
    print("cancelling", Object.fromEntries(Object.entries(ts).map(([n, t]) => [n, t.cancelling()])));
  }

  aio.createTask(leftover());
  await spin(1);
  print("main returns", String(leftoverQ));
});
print("after run", String(leftoverQ));
