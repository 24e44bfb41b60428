import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// CPython test_tasks.py, asyncio.shield(), as printed traces: test_shield_result,
// test_shield_exception, test_shield_cancel_inner, test_shield_cancel_outer,
// test_shield_shortcut, test_shield_effect, test_shield_gather, test_gather_shield,
// test_shield_coroutine_use_running_loop, test_shield_coroutine_use_global_loop.

const RuntimeError = aio.RuntimeError;
const loop = aio.newEventLoop();
const once = aio.coroutine(async function once() {});

// as CPython's test_utils.run_briefly: two iterations (a no-op task, then its done callback)
async function runBriefly() {
  await loop.runUntilComplete(once());
}

let inner, outer, fut, f, parent, child1, child2;

print("== test_shield_result");
inner = loop.createFuture();
outer = aio.shield(inner);
print("outer on inner's loop", outer.getLoop() === loop, "same", outer === inner);
inner.setResult(42);
print(await loop.runUntilComplete(outer));

print("== test_shield_exception");
inner = loop.createFuture();
outer = aio.shield(inner);
await runBriefly();
const exc = new RuntimeError("expected");
inner.setException(exc);
await runBriefly();
print("outer exception is exc", outer.exception() === exc, String(outer));

print("== test_shield_cancel_inner");
inner = loop.createFuture();
outer = aio.shield(inner);
await runBriefly();
inner.cancel();
await runBriefly();
print("outer cancelled", outer.cancelled(), String(outer));

print("== test_shield_cancel_outer");
inner = loop.createFuture();
outer = aio.shield(inner);
await runBriefly();
print("before:", String(inner));
print("cancel ->", outer.cancel());
await runBriefly();
print("outer cancelled", outer.cancelled(), String(outer), "inner", String(inner));
inner.cancel();

print("== test_shield_shortcut");
fut = loop.createFuture();
fut.setResult(42);
const sh = aio.shield(fut);
print("same future", sh === fut);
print(await loop.runUntilComplete(sh));

print("== test_shield_effect");
let proof = 0;
const waiter = loop.createFuture();
const innerCoro = aio.coroutine(async function inner_coro() {
  await waiter;
  proof += 1;
});
const outerCoro = aio.coroutine(async function outer_coro() {
  await aio.shield(innerCoro());
  proof += 100;
});
f = aio.ensureFuture(outerCoro(), loop);
await runBriefly();
print("cancel ->", f.cancel());
try {
  await loop.runUntilComplete(f);
} catch (e) {
  if (!(e instanceof aio.CancelledError)) throw e;
  print("CancelledError");
}
waiter.setResult(null);
await runBriefly();
print("proof", proof);

print("== test_shield_gather");
child1 = loop.createFuture();
child2 = loop.createFuture();
parent = aio.gather(child1, child2);
outer = aio.shield(parent);
await runBriefly();
print("cancel ->", outer.cancel());
await runBriefly();
print("outer cancelled", outer.cancelled(), "parent done", parent.done());
child1.setResult(1);
child2.setResult(2);
await runBriefly();
print("parent result", parent.result());

print("== test_gather_shield");
child1 = loop.createFuture();
child2 = loop.createFuture();
const inner1 = aio.shield(child1);
const inner2 = aio.shield(child2);
parent = aio.gather(inner1, inner2);
await runBriefly();
print("cancel ->", parent.cancel());
await runBriefly();
print(
  "parent exception",
  parent.exception().name,
  "inner1",
  inner1.cancelled(),
  "inner2",
  inner2.cancelled(),
  "children cancelled",
  child1.cancelled(),
  child2.cancelled(),
);
child1.setResult(1);
child2.setResult(2);
await runBriefly();
print("children", child1.result(), child2.result());

const coro = aio.coroutine(async function coro() {
  return 42;
});

print("== test_shield_coroutine_use_running_loop");
const test = aio.coroutine(async function test() {
  return [aio.shield(coro())];
});
outer = (await loop.runUntilComplete(test()))[0];
print("outer on the loop", outer.getLoop() === loop, "done", outer.done());
print(await loop.runUntilComplete(outer));

print("== test_shield_coroutine_use_global_loop");
aio.setEventLoop(loop);
outer = aio.shield(coro());
print("outer on the loop", outer.getLoop() === loop, "done", outer.done());
print(await loop.runUntilComplete(outer));
aio.setEventLoop(null);
loop.close();
