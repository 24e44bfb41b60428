import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Errors changing type on their way up a delegation chain: a ValueError raised at some depth,
// or a cancellation arriving while some depth awaits, meets a converter level that raises an
// AppError from its except clause, raises one from its finally (at once, or after awaiting),
// or swallows and returns. A wrapper task awaits the task; what each level saw, and how both
// tasks end (result, exception type and message, cancelled(), cancelling()).

const DEPTH = 3;

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class AppError extends Error { constructor(m) { super(m ?? ""); this.name = "AppError"; } }

const level = aio.coroutine(function* (i, origin, convAt, mode) {
  print(`   L${i} enter`);
  try {
    yield* aio.sleep(0);
    if (origin[0] === "fail" && origin[1] === i) throw new ValueError(`bad at L${i}`);
    let r;
    if (i < DEPTH) r = yield* level(i + 1, origin, convAt, mode);
    else {
      yield* aio.sleep(1);
      r = "bottom";
    }
    print(`   L${i} got ${repr(r)}`);
    return `L${i}(${r})`;
  } catch (e) {
    print(`   L${i} sees ${e.name} ${repr(str(e))}`);
    if (i === convAt && mode === "except") throw new AppError(`L${i} converted ${e.name}`);
    if (i === convAt && mode === "return") return `L${i} swallowed ${e.name}`;
    throw e;
  } finally {
    print(`   L${i} finally`);
    if (i === convAt && mode === "finally") throw new AppError(`L${i} finally raised`);
    if (i === convAt && mode === "finally_await") {
      yield* aio.sleep(0);
      print(`   L${i} finally awaited`);
      throw new AppError(`L${i} finally raised after await`);
    }
  }
});

const wrapper = aio.coroutine(function* (t) {
  try {
    return "w got " + (yield* t);
  } catch (e) {
    if (e instanceof aio.CancelledError) print(`  wrapper sees CancelledError ${repr(str(e))}`);
    else print(`  wrapper sees ${e.name} ${repr(str(e))}`);
    throw e;
  }
});

function describe(name, t) {
  if (t.cancelled()) print(`  ${name} cancelled, cancelling ${t.cancelling()}`);
  else if (t.exception() !== null) {
    const e = t.exception();
    print(`  ${name} failed ${e.name} ${repr(str(e))}, cancelling ${t.cancelling()}`);
  } else print(`  ${name} result ${repr(t.result())}, cancelling ${t.cancelling()}`);
}

const runCase = aio.coroutine(function* (origin, convAt, mode) {
  print(`== origin ${repr(origin)} conv_at ${repr(convAt)} mode ${repr(mode).replace(/'/g, "")}`);
  const t = aio.createTask(level(0, origin, convAt, mode));
  const w = aio.createTask(wrapper(t));
  if (origin[0] === "cancel") {
    for (let k = 0; k < origin[1]; k++) yield* aio.sleep(0);
    print("  cancel ->", t.cancel("stop"));
  }
  yield* aio.wait([w]);
  describe("task", t);
  describe("wrapper", w);
});

await aio.run(function* () {
  const origins = [tuple("fail", 1), tuple("fail", 3), tuple("cancel", 0), tuple("cancel", 2), tuple("cancel", 4)];
  for (const origin of origins) {
    yield* runCase(origin, null, null);
    for (const convAt of [0, 1, 2]) {
      for (const mode of ["except", "return", "finally", "finally_await"]) yield* runCase(origin, convAt, mode);
    }
  }
  print("loop still works:", yield* aio.sleep(0, "yes"));
});
