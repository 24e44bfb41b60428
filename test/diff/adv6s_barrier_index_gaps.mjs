import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Barrier indices and counts under churn: a party cancelled while the barrier fills gives its
// slot back, so the next arrival gets the same index again (two parties can pass with equal
// indices); arrivals during draining block in _block and take indices of the next generation; a
// blocked arrival cancelled while draining leaves no trace; abort() while parties drain makes
// the not-yet-run ones fail and the barrier stays broken after the last leaves; reset() of a
// broken barrier with parties still inside goes through resetting; wait() under waitFor()
// timing out; nWaiting, broken and the repr at every step.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));
const st = (t) => {
  if (!t.done()) return "P";
  if (t.cancelled()) return "C";
  const e = t.exception();
  return e ? e.name : t.result();
};

await aio.run(function* () {
  const log = [];
  let b = null;

  const party = aio.coroutine(function* (name) {
    try {
      const i = yield* b.wait();
      log.push(tuple("pass", name, i));
      return i;
    } catch (e) {
      if (e instanceof aio.BrokenBarrierError) log.push(tuple("broken", name, e.message));
      else if (isCancel(e)) log.push(tuple("cancel", name, args(e)));
      throw e;
    }
  });

  const flush = (tag, ts) => {
    print(tag, ...log, "|", r(b), b.nWaiting, b.broken, ts.map(st));
    log.length = 0;
  };
  const spin = aio.coroutine(function* (k) {
    for (let i = 0; i < k; i++) yield* aio.sleep(0);
  });

  print("-- a cancelled party's slot is reused: equal indices");
  b = new aio.Barrier(3);
  let ts = [aio.createTask(party("a")), aio.createTask(party("b"))];
  yield* spin(1);
  flush("a=0 b=1 waiting", ts);
  ts[0].cancel("out");
  yield* spin(1);
  flush("a cancelled", ts);
  ts.push(aio.createTask(party("c")));
  yield* spin(1);
  flush("c arrived", ts);
  ts.push(aio.createTask(party("d")));
  yield* spin(1);
  flush("d arrived, trips", ts);
  yield* spin(3);
  flush("drained", ts);

  print("-- arrivals while draining block, one of them cancelled");
  b = new aio.Barrier(2);
  ts = ["p", "q"].map((n) => aio.createTask(party(n)));
  yield* spin(1);
  flush("tripped", ts);
  ts.push(...["r", "s", "t"].map((n) => aio.createTask(party(n))));
  yield* spin(1);
  flush("r s t arrive while draining", ts);
  ts[3].cancel("blocked");
  yield* spin(1);
  flush("s cancelled", ts);
  yield* spin(4);
  flush("settled", ts);
  ts.push(aio.createTask(party("u")));
  yield* spin(4);
  flush("u arrives", ts);

  print("-- abort while parties drain");
  b = new aio.Barrier(3);
  ts = ["x", "y"].map((n) => aio.createTask(party(n)));
  yield* spin(1);
  ts.push(aio.createTask(party("z")));
  const ab = aio.createTask(b.abort());
  yield* spin(1);
  flush("z tripped the barrier, abort queued on the lock", [...ts, ab]);
  yield* spin(4);
  flush("after", [...ts, ab]);
  try {
    yield* b.wait();
  } catch (e) {
    if (!(e instanceof aio.BrokenBarrierError)) throw e;
    print("late wait:", e.message);
  }

  print("-- reset of a broken barrier with parties inside");
  b = new aio.Barrier(3);
  ts = ["k", "l"].map((n) => aio.createTask(party(n)));
  yield* spin(1);
  yield* b.abort();
  flush("aborted, k and l not yet run", ts);
  yield* b.reset();
  flush("reset at once", ts);
  yield* spin(3);
  flush("after", ts);
  ts = ["m", "n", "o"].map((n) => aio.createTask(party(n)));
  yield* spin(3);
  flush("new generation", ts);

  print("-- reset while the tripping party's peers have not run");
  b = new aio.Barrier(2);
  ts = [aio.createTask(party("e"))];
  yield* spin(1);
  ts.push(aio.createTask(party("f")));
  const rs = aio.createTask(b.reset());
  yield* spin(1);
  flush("f tripped, reset pending", [...ts, rs]);
  yield* spin(4);
  flush("after", [...ts, rs]);

  print("-- wait() under wait_for() timing out");
  b = new aio.Barrier(2);
  const timed = aio.coroutine(function* (name, t) {
    try {
      const i = yield* aio.waitFor(b.wait(), t);
      log.push(tuple("timed pass", name, i));
      return i;
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      log.push(tuple("timed out", name, b.nWaiting));
      return "T";
    }
  });
  ts = [aio.createTask(timed("g", 0.05))];
  yield* aio.sleep(0.3);
  flush("g timed out", ts);
  ts.push(aio.createTask(timed("h", 10)));
  ts.push(aio.createTask(timed("i", 10)));
  yield* spin(6);
  flush("h and i pass", ts);

  print("-- parties=1 never blocks, but a draining barrier blocks it");
  b = new aio.Barrier(1);
  ts = ["v", "w"].map((n) => aio.createTask(party(n)));
  yield* spin(3);
  flush("both passed", ts);
  const idx = [];
  for (let i = 0; i < 3; i++) idx.push(yield* b.wait());
  print("indices", idx, r(b));
});
