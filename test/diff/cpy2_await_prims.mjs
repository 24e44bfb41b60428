import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// CPython test_locks.py test_lock, test_lock_by_with_statement (LockTests), test_semaphore
// (SemaphoreTests) and test_barrier (BarrierTests), the `await primitive` part: awaiting a
// primitive itself (not one of its coroutines) is a TypeError and leaves it as it was. Only a
// generator twin (`yield* primitive`): in an async function `await` of a non-thenable gives
// the value back, as JavaScript's await does.
const r = (x) => String(x);

await aio.run(function* () {
  for (const [label, prim] of [
    ["test_lock", new aio.Lock()],
    ["test_lock_by_with_statement Condition", new aio.Condition()],
    ["test_semaphore", new aio.Semaphore()],
    ["test_lock_by_with_statement BoundedSemaphore", new aio.BoundedSemaphore()],
    ["test_barrier", new aio.Barrier(5)],
    ["Event", new aio.Event()],
  ]) {
    print("==", label);
    try {
      yield* prim;
      print("no error?");
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print("TypeError", r(prim));
    }
    if (typeof prim.locked === "function") print("locked", prim.locked());
  }
  // the primitives still work
  const lock = new aio.Lock();
  try {
    yield* lock;
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
  }
  yield* lock.with(function* () {
    print("with lock", r(lock));
  });
  print("after", r(lock));
});
