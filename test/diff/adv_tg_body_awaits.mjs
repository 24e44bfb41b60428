import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A TaskGroup body that awaits its own children (directly, through gather, wait, shield,
// waitFor) while one fails: does the body see the child's error or the group's cancellation?

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;

function fmt(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}[${e.errors.map(fmt).join(", ")}]`;
  return `${e.name}(${repr(str(e))})`;
}

const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const failing = aio.coroutine(function* (msg, n = 1) {
  yield* ticks(n);
  throw new ValueError(msg);
});

const slp = aio.coroutine(function* (name) {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (isCancel(e)) print(" ", name, "cancelled");
    throw e;
  }
});

const run = aio.coroutine(function* (label, fn) {
  print("--", label);
  const me = aio.currentTask();
  try {
    yield* fn();
  } catch (e) {
    print("  raised", fmt(e), "same twice",
      e instanceof aio.ExceptionGroup && e.errors.length === 2 && e.errors[0] === e.errors[1]);
  }
  print("  cancelling", me.cancelling());
});

await aio.run(function* () {
  const f1 = aio.coroutine(function* () {
    yield* aio.taskGroup(function* (tg) {
      const c = tg.createTask(failing("c"));
      try {
        yield* c;
      } catch (e) {
        print("  body await child ->", fmt(e));
        throw e;
      }
    });
  });
  yield* aio.createTask(run("body awaits the failing child", f1));

  const f2 = aio.coroutine(function* () {
    yield* aio.taskGroup(function* (tg) {
      const c = tg.createTask(failing("c"));
      const d = tg.createTask(slp("d"));
      try {
        yield* aio.gather(c, d);
      } catch (e) {
        print("  body gather ->", fmt(e));
        throw e;
      }
    });
  });
  yield* aio.createTask(run("body gathers the children", f2));

  const f3 = aio.coroutine(function* () {
    yield* aio.taskGroup(function* (tg) {
      const c = tg.createTask(failing("c"));
      const d = tg.createTask(slp("d"));
      try {
        const [done, pending] = yield* aio.wait([c, d], { returnWhen: aio.FIRST_EXCEPTION });
        print("  body wait ->", done.size, pending.size);
      } catch (e) {
        print("  body wait ->", fmt(e));
        throw e;
      }
      yield* ticks(1);
    });
  });
  yield* aio.createTask(run("body waits FIRST_EXCEPTION", f3));

  const f4 = aio.coroutine(function* () {
    yield* aio.taskGroup(function* (tg) {
      const c = tg.createTask(failing("c"));
      try {
        yield* aio.shield(c);
      } catch (e) {
        print("  body shield ->", fmt(e));
        throw e;
      }
    });
  });
  yield* aio.createTask(run("body awaits shield(child)", f4));

  const f5 = aio.coroutine(function* () {
    yield* aio.taskGroup(function* (tg) {
      const c = tg.createTask(failing("c"));
      try {
        yield* aio.waitFor(c, 5);
      } catch (e) {
        print("  body wait_for ->", fmt(e));
        throw e;
      }
    });
  });
  yield* aio.createTask(run("body wait_for(child)", f5));

  const f6 = aio.coroutine(function* () {
    let g;
    yield* aio.taskGroup(function* (tg) {
      g = tg;
      try {
        tg.createTask(42);
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        // the text after "got" is the value's description (JavaScript values differ)
        print("  TypeError", str(e).startsWith("a coroutine was expected, got "), String(tg));
      }
      tg.createTask(ticks(1));
    });
    print("  group fine", String(g));
  });
  yield* aio.createTask(run("create_task of a non-coroutine", f6));
});
