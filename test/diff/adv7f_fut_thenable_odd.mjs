import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// ensureFuture() of thenables that misbehave: then() throws at once, settles at once, settles
// several times, settles later, or never. ensureFuture never throws for them; the wrapping
// future carries the outcome, compared after a 0.1 s barrier; the loop keeps working after each.

const refuses = () => ({
  then() {
    throw new ValueError("then refused");
  },
});
const immediate = (v, times = 1) => ({
  then(onF, onR) {
    for (let i = 0; i < times; i++) onF(i === 0 ? v : `extra ${i}`);
    if (times > 1) onR(new ValueError("ignored rejection"));
  },
});
const rejectsAtOnce = () => ({
  then(onF, onR) {
    onR(new ValueError("rejected at once"));
  },
});
const later = (delay, v, fail = false) => ({
  then(onF, onR) {
    aio.getRunningLoop().callLater(delay, () => (fail ? onR(new ValueError(v)) : onF(v)));
  },
});
const never = () => ({ then() {} });

const report = aio.coroutine(function* report(label, fut) {
  yield* aio.sleep(0.1);
  print(label, "isfuture", aio.isFuture(fut), "done", fut.done(), "cancelled", fut.cancelled());
  try {
    print("  ->", repr(yield* fut));
  } catch (e) {
    if (e instanceof aio.CancelledError) print("  cancelled");
    else print("  raised", e.name, repr(str(e)));
  }
});

await aio.run(function* main() {
  const cases = [
    ["then throws", refuses()],
    ["settles at once", immediate("now")],
    ["settles at once with None", immediate(undefined)],
    ["settles several times", immediate("first of three", 3)],
    ["rejects at once", rejectsAtOnce()],
    ["settles later", later(0.05, "later")],
    ["rejects later", later(0.05, "later failure", true)],
  ];
  for (const [label, aw] of cases) {
    let fut;
    try {
      fut = aio.ensureFuture(aw);
    } catch (e) {
      print(label, "ensure_future raised", e.name);
      continue;
    }
    yield* report(label, fut);
    print("  loop works", yield* aio.sleep(0, label));
  }
  let fut = aio.ensureFuture(never());
  try {
    yield* aio.waitFor(fut, 0.1);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("never settles: wait_for timed out; wrapper cancelled", fut.cancelled());
  }
  fut = aio.ensureFuture(never());
  yield* aio.sleep(0.1);
  print("cancel never-settling wrapper ->", fut.cancel("gave up"));
  try {
    yield* fut;
  } catch (e) {
    print("  awaiting it: CancelledError", repr(str(e)));
  }
  print("loop still works", yield* aio.sleep(0, "yes"));
});
