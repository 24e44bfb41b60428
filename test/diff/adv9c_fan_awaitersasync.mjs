import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// Four tasks await one producer task: W1 and W3 directly, W2 and W4 through a plain coroutine
// awaited directly (an extra level). The producer returns, raises, catches its cancellation and
// returns, or cancels itself; main cancels nobody, the producer, or one awaiter, after k
// iterations. Trace: the order the awaiters wake in (done-callback registration order), what
// each gets, current_task() after each wake, cancelling() counts, that cancelling an awaiter
// leaves the producer running, and that a late await of the finished producer does not suspend
// (a callback queued just before it runs after the await returned).

function who() {
  const t = aio.currentTask();
  return t === null ? "None" : t.getName();
}

const producer = aio.coroutine(async function producer(outcome, steps) {
  const me = aio.currentTask();
  try {
    for (let i = 0; i < steps; i++) {
      await aio.sleep(0);
      print("  P step", i, who());
    }
    if (outcome === "raise") throw new ValueError("boom");
    if (outcome === "selfcancel") {
      print("  P cancels itself ->", me.cancel("self"));
      await aio.sleep(0);
      print("  P not reached");
    }
    return "P-result";
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  P caught", repr(str(e)), "cancelling", me.cancelling());
    if (outcome === "swallow") return "P-swallowed";
    throw e;
  } finally {
    print("  P finally", who());
  }
});

const via = aio.coroutine(async function via(name, p) {
  print("  ", name, "via before", who());
  const r = await p;
  print("  ", name, "via after", who());
  return "via(" + r + ")";
});

const awaiter = aio.coroutine(async function awaiter(name, p, indirect) {
  const me = aio.currentTask();
  try {
    let r;
    if (indirect) r = await via(name, p);
    else r = await p;
    print("  ", name, "got", repr(r), who());
    return name + ":" + r;
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      print("  ", name, "cancelled", repr(str(e)), who(), "cancelling", me.cancelling());
      throw e;
    }
    if (!(e instanceof ValueError)) throw e;
    print("  ", name, "ValueError", repr(str(e)), who());
    return name + ":err";
  }
});

function state(f) {
  if (!f.done()) return "pending";
  if (f.cancelled()) return "cancelled";
  if (f.exception() !== null) return "exception " + repr(f.exception());
  return "result " + repr(f.result());
}

const fan = aio.coroutine(async function fan(outcome, cancelWho = null, at = 0) {
  print("== producer", outcome, "cancel", cancelWho, "at", at);
  const loop = aio.getRunningLoop();
  const p = aio.createTask(producer(outcome, 3), { name: "P" });
  const ws = [1, 2, 3, 4].map((i) => aio.createTask(awaiter(`W${i}`, p, i % 2 === 0), { name: `W${i}` }));
  if (cancelWho !== null) {
    for (let j = 0; j < at; j++) await aio.sleep(0);
    const target = cancelWho === "P" ? p : ws[Number(cancelWho[1]) - 1];
    print("  main cancels", cancelWho, "->", target.cancel("by-main"));
  }
  const res = await aio.gather(...ws, { returnExceptions: true });
  print("  gather ->", res.map((r) => (typeof r === "string" ? r : `${r.name} ${repr(str(r))}`)));
  print("  P", state(p), "cancelling", p.cancelling());
  loop.callSoon(print, "  callback queued before late await");
  try {
    const r = await p;
    print("  late await ->", repr(r), who());
  } catch (e) {
    if (!(e instanceof ValueError || e instanceof aio.CancelledError)) throw e;
    print("  late await raised", e.name, repr(str(e)), who());
  }
  print("  after late await");
  await aio.sleep(0);
});

await aio.run(async function main() {
  for (const outcome of ["result", "raise", "swallow", "selfcancel"]) await fan(outcome);
  for (let at = 0; at < 5; at++) await fan("result", "P", at);
  await fan("swallow", "P", 2);
  await fan("raise", "P", 3);
  for (const at of [1, 2, 3]) await fan("result", "W2", at);
  await fan("result", "W3", 2);
  await fan("raise", "W4", 3);
});
