import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { ValueError, tname } from "./comp_util.mjs";

const events = [];
const isCancel = (e) => e instanceof aio.CancelledError;

const leaf = aio.coroutine(function* (name, delay) {
  try {
    yield* aio.sleep(delay);
  } catch (e) {
    if (isCancel(e)) events.push("cancelled " + name);
    throw e;
  }
  print("leaf done", name);
  return name;
});

function flush() {
  print("events", [...events].sort());
  events.length = 0;
}

await aio.run(function* () {
  print("-- gather of gathers");
  let r = yield* aio.gather(aio.gather(leaf("a", 0.003), leaf("b", 0.001)), leaf("c", 0.002), aio.gather());
  print("result", r);

  print("-- cancelling the outer gather reaches the inner children");
  const outer = aio.gather(aio.gather(leaf("d", 0.05), leaf("e", 0.05)), leaf("f", 0.05));
  yield* aio.sleep(0.002);
  print("cancel", outer.cancel());
  try {
    yield* outer;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("outer raised CancelledError");
  }
  flush();

  print("-- wait_for around a gather: the timeout cancels every child");
  try {
    yield* aio.waitFor(aio.gather(leaf("g", 0.05), leaf("h", 0.001), leaf("i", 0.05)), 0.01);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError");
  }
  flush();

  print("-- timeout around a gather");
  try {
    yield* aio.timeout(0.01, function* () {
      yield* aio.gather(leaf("j", 0.05), leaf("k", 0.05));
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError");
  }
  flush();

  print("-- an inner gather's failure with return_exceptions outside");
  const boom = aio.coroutine(function* () {
    yield* aio.sleep(0.001);
    throw new ValueError("inner boom");
  });
  r = yield* aio.gather(aio.gather(boom(), leaf("l", 0.005)), leaf("m", 0.002), { returnExceptions: true });
  print("result", r.map((x) => (x instanceof Error ? tname(x) : x)));
  yield* aio.sleep(0.01);

  print("-- shielded child survives the gather's cancellation");
  const inner = aio.createTask(leaf("n", 0.01));
  const g = aio.gather(aio.shield(inner), leaf("o", 0.05));
  yield* aio.sleep(0.001);
  g.cancel();
  try {
    yield* g;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("gather cancelled");
  }
  print("shielded result", yield* inner);
  flush();
});
