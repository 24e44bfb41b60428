import { AsyncLocalStorage } from "node:async_hooks";
import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// contextvars inside one task: awaited coroutines, timeout / TaskGroup / lock bodies run in the
// task's own context, so a set inside them (before or after an await, also on the way out with
// an exception or a timeout) is seen by the code after them; a task made inside such a body
// copies the value current there. (aionode twin: AsyncLocalStorage with generator coroutines,
// which run in their task's context; async functions cannot express this, see the README.)

const v = new AsyncLocalStorage();
const get = () => v.getStore() ?? "<unset>";
class KeyError extends Error {
  constructor(m) {
    super(m);
    this.name = "KeyError";
  }
}

const setter = aio.coroutine(function* setter(value, beforeAwait) {
  if (beforeAwait) {
    v.enterWith(value);
    yield* aio.sleep(0);
  } else {
    yield* aio.sleep(0);
    v.enterWith(value);
  }
  return get();
});

const deep = aio.coroutine(function* deep(n) {
  if (n === 0) {
    yield* aio.sleep(0);
    v.enterWith("deep-bottom");
    return get();
  }
  const r = yield* deep(n - 1);
  return `${n}:${r}:${get()}`;
});

const failing = aio.coroutine(function* failing(value) {
  yield* aio.sleep(0);
  v.enterWith(value);
  throw new KeyError(value);
});

const peek = aio.coroutine(function* peek() {
  return get();
});

const main = aio.coroutine(function* main() {
  v.enterWith("m");
  print("setter before await ->", yield* setter("s1", true), "caller", get());
  print("setter after await ->", yield* setter("s2", false), "caller", get());
  print("deep ->", yield* deep(3), "caller", get());
  try {
    yield* failing("f1");
  } catch (e) {
    print("failing raised", repr(e), "caller", get());
  }
  yield* aio.timeout(5, function* () {
    yield* aio.sleep(0);
    v.enterWith("in-timeout");
  });
  print("after timeout body", get());
  try {
    yield* aio.timeout(0.01, function* () {
      v.enterWith("timing-out");
      yield* aio.sleep(5);
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("after expired timeout body", get());
  }
  let t;
  yield* aio.taskGroup(function* (tg) {
    v.enterWith("in-taskgroup");
    t = tg.createTask(peek());
    yield* aio.sleep(0);
    v.enterWith("in-taskgroup-2");
  });
  print("after taskgroup body", get(), "child saw", t.result());
  const lock = new aio.Lock();
  yield* lock.with(function* () {
    yield* aio.sleep(0);
    v.enterWith("in-lock");
  });
  print("after lock body", get());
  const sem = new aio.Semaphore(1);
  yield* sem.with(function* () {
    v.enterWith("in-semaphore");
  });
  print("after semaphore body", get());
  // a task made after a nested set copies it; its own set stays inside it
  yield* setter("s3", false);
  const own = aio.coroutine(function* own() {
    const before = get();
    yield* setter("own", true);
    return tuple(before, get());
  });
  print("own task ->", repr(yield* aio.createTask(own())), "caller", get());
  return get();
});

v.enterWith("top");
print("run ->", await aio.run(main), "outside", get());
