import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// CPython test_pep492: LockTests.test_context_manager_async_with (locked() around an
// `async with` block of Lock, Condition, Semaphore, BoundedSemaphore; the value bound is None:
// here the with() body's argument), CoroutineTests.test_iscoroutine (a coroutine object; FakeCoro
// is left out: JavaScript has no Coroutine ABC), test_iscoroutinefunction,
// test_async_def_coroutines (in production and debug mode), test_types_coroutine (awaiting a
// generator-based coroutine a plain function returns), test_double_await (awaiting a coroutine a
// task already runs is a RuntimeError; only its type is printed, as the test checks only that:
// the messages differ deliberately).

function section(name) {
  print("==", name);
}

const hold = aio.coroutine(async function hold(name, prim) {
  await aio.sleep(0);
  print("  ", name, "before: locked", prim.locked());
  await prim.with(async function (...bound) {
    print("  ", name, "inside: bound", repr(bound[0]), "locked", prim.locked());
    await aio.sleep(0);
    print("  ", name, "inside after a sleep: locked", prim.locked());
  });
  print("  ", name, "after: locked", prim.locked());
  return name;
});

const bar = aio.coroutine(async function bar() {
  return "spam";
});

const foo = aio.coroutine(async function foo() {
  return await bar();
});

// a generator-based coroutine (kept one in the async twin as well)
const gen = aio.coroutine(function* gen() {
  return "spam";
});

function func() {
  // a plain function that returns a coroutine object, as a @types.coroutine wrapper does
  return gen();
}

const viaWrapper = aio.coroutine(async function via_wrapper() {
  const w = func();
  print("  wrapper is a coroutine", aio.isCoroutine(w));
  return await w;
});

const afunc = aio.coroutine(async function afunc() {
  await aio.sleep(0.5);
});

const doubleAwait = aio.coroutine(async function double_await(loop) {
  const coro = afunc();
  const t = loop.createTask(coro);
  try {
    await aio.sleep(0);
    await coro;
    print("  awaited again?");
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("  second await raised", e.name);
  } finally {
    print("  cancel task", t.cancel());
  }
  await aio.sleep(0);
  print("  task cancelled", t.cancelled());
});

async function main() {
  const loop = aio.newEventLoop();
  aio.setEventLoop(loop);

  section("test_context_manager_async_with");
  for (const [name, prim] of [["Lock", new aio.Lock()], ["Condition", new aio.Condition()],
    ["Semaphore", new aio.Semaphore()], ["BoundedSemaphore", new aio.BoundedSemaphore()]]) {
    print("  ran", await loop.runUntilComplete(hold(name, prim)), "locked", prim.locked());
  }

  section("test_iscoroutine");
  const c = bar();
  print("  coroutine object", aio.isCoroutine(c), "function", aio.isCoroutine(bar), "number", aio.isCoroutine(1));

  section("test_iscoroutinefunction");
  print("  async function", aio.isCoroutineFunction(foo));

  section("test_async_def_coroutines");
  print("  production", loop.getDebug(), await loop.runUntilComplete(foo()));
  loop.setDebug(true);
  print("  debug", loop.getDebug(), await loop.runUntilComplete(foo()));
  loop.setDebug(false);

  section("test_types_coroutine");
  print("  result", await loop.runUntilComplete(viaWrapper()));

  section("test_double_await");
  loop.setDebug(true);
  await loop.runUntilComplete(doubleAwait(loop));
  loop.setDebug(false);
  loop.close();
}

await main();
