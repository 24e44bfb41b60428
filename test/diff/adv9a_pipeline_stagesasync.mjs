import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Async-function twin of adv9a_pipeline_stages.mjs.

// A three-stage pipeline over bounded queues (maxsize 1 and 2): a source puts numbers, a parser
// turns them into strings (and rejects 3 with ValueError, which it reports and skips), a sink
// batches pairs; each stage marks taskDone(), a sentinel null flows through to end the stages.
// The trace shows every put/get in order and the queues' reprs at each tick; then a second run
// where the middle stage is cancelled while blocked on put() (its item is lost, the source
// blocks on a full queue), shutdown cancels the rest, gather(returnExceptions) reports each
// stage's outcome, and join() on the drained queues completes.
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const qs = (q) => String(q);

await aio.run(async function () {
  const log = [];
  const say = (...a) => log.push(a.map(str).join(" "));

  const source = aio.coroutine(async function (out, n) {
    let i = 0;
    try {
      for (i = 0; i < n; i++) {
        say("source put", i, out.full() ? "full" : "room");
        await out.put(i);
      }
      i--;
      await out.put(null);
      say("source done");
      return `source:${n}`;
    } catch (e) {
      if (isCancel(e)) say("source cancelled", repr(str(e)), "at", i);
      throw e;
    }
  });

  const parser = aio.coroutine(async function (inq, out) {
    let seen = 0;
    try {
      while (true) {
        const x = await inq.get();
        try {
          if (x === null) {
            await out.put(null);
            say("parser end");
            return `parser:${seen}`;
          }
          seen += 1;
          if (x === 3) throw new ValueError(`bad ${x}`);
          say("parser got", x);
          await aio.sleep(0);
          await out.put(`v${x}`);
          say("parser put", `v${x}`);
        } catch (e) {
          if (!(e instanceof ValueError)) throw e;
          say("parser rejects", repr(e));
        } finally {
          inq.taskDone();
        }
      }
    } catch (e) {
      if (isCancel(e)) say("parser cancelled", repr(str(e)), "seen", seen);
      throw e;
    }
  });

  const sink = aio.coroutine(async function (inq, size) {
    const batches = [];
    let batch = [];
    try {
      while (true) {
        const x = await inq.get();
        inq.taskDone();
        if (x === null) {
          if (batch.length) batches.push(tuple(...batch));
          say("sink end", batches);
          return batches;
        }
        batch.push(x);
        if (batch.length === size) {
          batches.push(tuple(...batch));
          say("sink batch", tuple(...batch));
          batch = [];
        }
      }
    } catch (e) {
      if (isCancel(e)) say("sink cancelled", repr(str(e)), "batch", batch, "batches", batches);
      throw e;
    }
  });

  const flush = (tag, ...qq) => {
    print(tag, "|", log.join("; "));
    print("   ", ...qq.map(qs));
    log.length = 0;
  };

  {
    print("-- clean run");
    const q1 = new aio.Queue(1), q2 = new aio.Queue(2);
    const ts = [aio.createTask(source(q1, 6), { name: "source" }),
      aio.createTask(parser(q1, q2), { name: "parser" }),
      aio.createTask(sink(q2, 2), { name: "sink" })];
    let tick = 0;
    while (!ts.every((t) => t.done())) {
      await aio.sleep(0);
      tick += 1;
      flush(`tick ${tick}`, q1, q2);
    }
    print("results", ts.map((t) => t.result()));
    await q1.join();
    await q2.join();
    print("joined", qs(q1), qs(q2));
  }

  {
    print("-- middle stage cancelled while blocked on put");
    const q1 = new aio.Queue(1), q2 = new aio.Queue(1);
    const src = aio.createTask(source(q1, 8), { name: "source" });
    const par = aio.createTask(parser(q1, q2), { name: "parser" });
    for (let tick = 1; tick < 6; tick++) {
      await aio.sleep(0);
      flush(`tick ${tick}`, q1, q2);
    }
    print("q2 full", q2.full(), "q1 full", q1.full(), "sizes", q1.qsize(), q2.qsize());
    print("cancel parser ->", par.cancel("stage down"));
    for (let tick = 6; tick < 9; tick++) {
      await aio.sleep(0);
      flush(`tick ${tick}`, q1, q2);
    }
    const sk = aio.createTask(sink(q2, 3), { name: "sink" });
    for (let tick = 9; tick < 12; tick++) {
      await aio.sleep(0);
      flush(`tick ${tick}`, q1, q2);
    }
    print("states", [src, par, sk].map((t) => tuple(t.getName(), t.done())));
    for (const t of [src, par, sk]) t.cancel("shutdown");
    const res = await aio.gather(src, par, sk, { returnExceptions: true });
    flush("shutdown", q1, q2);
    print("outcomes", res.map((r) => (r instanceof Error ? tuple(r.name, str(r)) : r)));
    for (const q of [q1, q2]) {
      while (!q.empty()) {
        print("drain", repr(q.getNowait()));
        q.taskDone();
      }
    }
    try {
      await aio.waitFor(q1.join(), 0.2);
      print("q1 joined");
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("q1 join timed out", qs(q1));
    }
    try {
      await aio.waitFor(q2.join(), 0.2);
      print("q2 joined");
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("q2 join timed out", qs(q2));
    }
    try {
      q2.taskDone();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print("extra task_done: ValueError", str(e));
    }
    print("loop alive:", await aio.sleep(0, "yes"));
  }
});
