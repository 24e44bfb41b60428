import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Request/response over futures: clients put [id, payload, future] on the server's queue and wait
// for the future under waitFor; the server answers some at once, some after a few ticks, one
// never, fails one with an exception, and answers late to a client that already timed out (its
// future is cancelled: setResult raises InvalidStateError); timeouts and late answers are 500 ms
// apart. A client waits through shield() and collects the late answer afterwards; a client task
// is cancelled while waiting (its request future is cancelled with it); two clients wait on one
// future; done callbacks on a response future log in order and one is removed; waitFor(fut, 0)
// of a done future returns its result; reprs of request futures being waited on. Then the server
// crashes: its finally fails every pending request with ConnectionError, and the loop goes on.
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class RuntimeError extends Error { constructor(m) { super(m ?? ""); this.name = "RuntimeError"; } }
class ConnectionError extends Error { constructor(m) { super(m ?? ""); this.name = "ConnectionError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const log = [];
const r = (x) => (x == null ? "None" : String(x));
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const inbox = new aio.Queue();
  const pending = new Map();
  const sortedPending = () => [...pending.keys()].sort((a, b) => a - b);

  const answerLater = aio.coroutine(function* (rid, how, n) {
    if (how === "slow") {
      for (let i = 0; i < n; i++) yield* aio.sleep(0);
    } else {
      yield* aio.sleep(n / 4);
    }
    const fut = pending.get(rid);
    if (fut === undefined) return;
    pending.delete(rid);
    try {
      fut.setResult(`late answer ${rid}`);
      log.push(`answered ${rid} late`);
    } catch (e) {
      if (!(e instanceof aio.InvalidStateError)) throw e;
      log.push(`answer ${rid}: InvalidStateError ${repr(str(e))}`);
    }
  });

  const server = aio.coroutine(function* () {
    try {
      while (true) {
        const [rid, payload, fut] = yield* inbox.get();
        pending.set(rid, fut);
        log.push(`server got ${rid} ${repr(payload)}`);
        if (payload === "crash") throw new RuntimeError(`server crashed on ${rid}`);
        if (payload === "never") continue;
        if (payload === "fail") {
          fut.setException(new ValueError(`bad request ${rid}`));
          pending.delete(rid);
          continue;
        }
        if (payload.startsWith("slow") || payload.startsWith("late")) {
          loop.callSoon((m) => log.push(m), `server defers ${rid}`);
          aio.ensureFuture(answerLater(rid, payload.slice(0, 4), Number(payload.slice(4))));
          continue;
        }
        fut.setResult(payload.toUpperCase());
        pending.delete(rid);
      }
    } finally {
      log.push(`server down, failing ${repr(sortedPending())}`);
      for (const rid of sortedPending()) {
        const f = pending.get(rid);
        pending.delete(rid);
        if (!f.done()) f.setException(new ConnectionError(`server died before answering ${rid}`));
      }
    }
  });

  const request = (rid, payload) => {
    const fut = loop.createFuture();
    inbox.putNowait([rid, payload, fut]);
    return fut;
  };

  const client = aio.coroutine(function* (rid, payload, timeout, how = "wait_for") {
    const fut = request(rid, payload);
    try {
      let res;
      if (how === "shield") {
        try {
          res = yield* aio.waitFor(aio.shield(fut), timeout);
        } catch (e) {
          if (!(e instanceof aio.TimeoutError)) throw e;
          log.push(`client ${rid} timed out behind shield, fut done=${repr(fut.done())}`);
          res = yield* fut;
          log.push(`client ${rid} collected ${repr(res)}`);
          return res;
        }
      } else {
        res = yield* aio.waitFor(fut, timeout);
      }
      log.push(`client ${rid} got ${repr(res)}`);
      return res;
    } catch (e) {
      if (e instanceof aio.TimeoutError) {
        log.push(`client ${rid} timed out, fut cancelled=${repr(fut.cancelled())}`);
        return "timeout";
      }
      if (isCancel(e)) {
        log.push(`client ${rid} cancelled ${repr(str(e))}, fut cancelled=${repr(fut.cancelled())}`);
        throw e;
      }
      log.push(`client ${rid} error ${e.name}(${repr(str(e))})`);
      return e.name;
    }
  });

  const t0 = loop.time();
  const srv = aio.createTask(server(), { name: "server" });
  print("-- a round of requests");
  const cs = [aio.createTask(client(1, "ping", 2.5)),
    aio.createTask(client(2, "slow3", 2.5)),
    aio.createTask(client(3, "fail", 2.5)),
    aio.createTask(client(4, "late8", 1.0)),
    aio.createTask(client(5, "never", 2.5)),
    aio.createTask(client(6, "slow2", null)),
    aio.createTask(client(7, "late6", 0.5, "shield")),
    aio.createTask(client(8, "never", 25))];
  for (let tick = 1; tick < 6; tick++) {
    yield* aio.sleep(0);
    if (tick === 2) log.push(`cancel client 8 -> ${repr(cs[7].cancel("client gone"))}`);
    flush(`tick ${tick}`);
  }
  for (const rid of [4, 5, 7]) print(`request ${rid}:`, r(pending.get(rid)));
  // timeouts and late answers are due at 0.5, 1.0, 1.5, 2.0 and 2.5 s; polls at 0.75, 1.25, ...
  // (deadlines counted from t0, so the polls do not drift)
  for (let poll = 1; poll < 6; poll++) {
    yield* aio.sleep(Math.max(0, t0 + 0.25 + 0.5 * poll - loop.time()));
    flush(`poll ${poll}`);
  }
  print("clients", cs.map((c) => (c.cancelled() ? "cancelled" : c.result())));
  print("pending", sortedPending());

  print("-- shared future, callbacks, wait_for(done, 0)");
  const fut = request(20, "slow1");
  fut.addDoneCallback((f) => log.push(`cb1 sees ${repr(f.result())}`));
  const cb2 = (f) => log.push("cb2 (removed)");
  fut.addDoneCallback(cb2);
  fut.addDoneCallback((f) => log.push(`cb3 sees done=${repr(f.done())}`));
  print("removed", fut.removeDoneCallback(cb2), fut.removeDoneCallback(cb2));
  const shared = aio.coroutine(function* (tag) {
    const res = yield* fut;
    log.push(`${tag} got ${repr(res)}`);
    return res;
  });
  const a = aio.createTask(shared("A")), b = aio.createTask(shared("B"));
  print("gathered", yield* aio.gather(a, b));
  flush("shared");
  print("wait_for(done, 0) ->", yield* aio.waitFor(fut, 0));
  print("wait_for(done, -5) ->", yield* aio.waitFor(fut, -5));

  print("-- the server crashes with requests pending");
  const f1 = request(30, "never"), f2 = request(31, "never");
  const f3 = request(32, "crash");
  const f4 = request(33, "ping");
  try {
    yield* srv;
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    flush(`server ended ${e.name}(${repr(str(e))})`);
  }
  for (const f of [f1, f2, f3, f4]) {
    print("  ", f.done() ? "done" : "pending", f.done() ? f.exception().name : "", f.done() ? str(f.exception()) : "");
  }
  print("inbox left", inbox.qsize(), "alive", yield* aio.sleep(0, true));
});
