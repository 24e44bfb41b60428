// CPython test_timeouts.py scenarios: test_nested_timeouts_concurrent,
// test_nested_timeouts_loop_busy.
// Nested timeouts while the loop is blocked (time.sleep, not an await): only the outer deadline
// passes during the block; then both pass during it (the inner one first). In both, the inner
// block lets a CancelledError out (the inner timeout is not the only one that cancelled the task,
// or not expired at all) and the outer one turns it into TimeoutError. Margins of 150 ms or more.
// Mixed twin: generator tasks, with the taskGroup()/timeout() bodies written as async functions.
import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const isTimeout = (e) => e instanceof aio.TimeoutError;
const cancelling = () => aio.currentTask().cancelling();
/** time.sleep(): blocks the thread. */
const blockFor = (s) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, s * 1000);

const concurrent = aio.coroutine(function* concurrent() {
  print("== test_nested_timeouts_concurrent");
  let outer, inner;
  try {
    yield* aio.timeout(0.1, async function (o) {
      outer = o;
      try {
        await aio.timeout(0.5, async function (i) {
          inner = i;
          blockFor(0.25); // the loop is blocked past the outer deadline
          print("  block over; outer expired", outer.expired(), "inner expired", inner.expired());
          await aio.sleep(1);
        });
      } catch (e) {
        print("  inner level got", e.name, "cancelling", cancelling(), "inner expired", inner.expired());
        throw e;
      }
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  outer level got TimeoutError; cancelling", cancelling(), "outer expired", outer.expired());
  }
});

const loopBusy = aio.coroutine(function* loop_busy() {
  print("== test_nested_timeouts_loop_busy");
  const loop = aio.getRunningLoop();
  const t0 = loop.time();
  let outer, inner;
  try {
    yield* aio.timeout(0.3, async function (o) {
      outer = o;
      try {
        await aio.timeout(0.1, async function (i) {
          inner = i;
          blockFor(0.45); // both deadlines pass while the loop is blocked
          await aio.sleep(1);
        });
      } catch (e) {
        if (isTimeout(e)) print("  inner level got TimeoutError");
        else {
          print("  inner level got", e.name, "cancelling", cancelling(), "inner expired", inner.expired());
          throw e;
        }
      }
      print("  after the inner block");
      await aio.sleep(10);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  outer level got TimeoutError; cancelling", cancelling(), "outer expired", outer.expired());
  }
  const t1 = loop.time();
  print("  t0 <= t1 <= t0 + 1", t0 <= t1 && t1 <= t0 + 1);
});

await aio.run(function* main() {
  yield* aio.createTask(concurrent());
  yield* aio.createTask(loopBusy());
});
