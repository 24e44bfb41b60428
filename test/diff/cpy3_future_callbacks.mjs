import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// CPython test_futures.py, done callbacks and unretrieved exceptions, as printed traces:
// BaseFutureDoneCallbackTests (test_callbacks_remove_first_callback,
// test_callbacks_remove_first_and_second_callback, test_callbacks_remove_third_callback,
// test_callbacks_invoked_on_set_result, test_callbacks_invoked_on_set_exception,
// test_remove_done_callback, test_schedule_callbacks_list_mutation_1) and BaseFutureTests'
// test_tb_logger_abandoned, test_tb_logger_not_called_after_cancel,
// test_tb_logger_result_unretrieved, test_tb_logger_result_retrieved,
// test_tb_logger_exception_unretrieved, test_tb_logger_exception_retrieved,
// test_tb_logger_exception_result_retrieved, test_future_exception_never_retrieved(_debug).
// (Python reports when the future is collected, aionode at the latest when its loop closes: the
// reports are printed after the close.)

const RuntimeError = aio.RuntimeError;
const MemoryError = errorClass("MemoryError");
const Exception = errorClass("Exception");

const loop = aio.newEventLoop();

async function runBriefly(lp = loop) {
  await lp.runUntilComplete(aio.sleep(0));
}

function makeCallback(bag, thing) {
  return function bag_appender(future) {
    bag.push(thing);
  };
}

function three(bag) {
  return [makeCallback(bag, 42), makeCallback(bag, 17), makeCallback(bag, 100)];
}

let bag;
let f;
for (const [name, removals] of [
  ["test_callbacks_remove_first_callback", [0, 0]],
  ["test_callbacks_remove_first_and_second_callback", [0, 1, 0]],
  ["test_callbacks_remove_third_callback", [2, 2]],
]) {
  print("==", name);
  bag = [];
  f = loop.createFuture();
  const cbs = three(bag);
  for (const cb of cbs) f.addDoneCallback(cb);
  print("removed", removals.map((i) => f.removeDoneCallback(cbs[i])));
  print("bag before", bag);
  f.setResult("foo");
  await runBriefly();
  print("bag", bag, "result", f.result());
}

print("== test_callbacks_invoked_on_set_result");
bag = [];
f = loop.createFuture();
f.addDoneCallback(makeCallback(bag, 42));
f.addDoneCallback(makeCallback(bag, 17));
f.setResult("foo");
print("bag right after set_result", bag);
await runBriefly();
print("bag", bag, "result", f.result());

print("== test_callbacks_invoked_on_set_exception");
bag = [];
f = loop.createFuture();
f.addDoneCallback(makeCallback(bag, 100));
const exc = new RuntimeError();
f.setException(exc);
print("bag right after set_exception", bag);
await runBriefly();
print("bag", bag, "exception is exc", f.exception() === exc);

print("== test_remove_done_callback");
bag = [];
f = loop.createFuture();
const [cb1, cb2, cb3] = [makeCallback(bag, 1), makeCallback(bag, 2), makeCallback(bag, 3)];
f.addDoneCallback(cb1);
f.addDoneCallback(cb2);
print("remove cb2 ->", f.removeDoneCallback(cb2));
print("remove cb3 ->", f.removeDoneCallback(cb3));
f.addDoneCallback(cb2);
for (let i = 0; i < 5; i++) f.addDoneCallback(cb1);
print("remove cb1 ->", f.removeDoneCallback(cb1));
f.setResult("foo");
await runBriefly();
print("bag", bag, "result", f.result());

print("== test_schedule_callbacks_list_mutation_1");
bag = [];
function mut(fut) {
  bag.push("mut");
  print("  mut removes", fut.removeDoneCallback(second));
}
function second(fut) {
  bag.push("second");
}
f = loop.createFuture();
f.addDoneCallback(mut);
f.addDoneCallback(second);
f.addDoneCallback(second);
f.setResult(1);
await runBriefly();
print("bag", bag);

const reports = [];
function handler(lp, context) {
  reports.push(context);
}

function showReports() {
  for (const ctx of reports) {
    print("  report:", ctx.message, repr(ctx.exception), "future" in ctx, "sourceTraceback" in ctx);
  }
  print("  reports:", reports.length);
  reports.length = 0;
}

async function tbCase(name, setup) {
  print("==", name);
  const lp = aio.newEventLoop();
  lp.setExceptionHandler(handler);
  await setup(lp);
  lp.close();
  showReports();
}

await tbCase("test_tb_logger_abandoned", (lp) => {
  lp.createFuture();
});
await tbCase("test_tb_logger_not_called_after_cancel", (lp) => {
  const fut = lp.createFuture();
  fut.setException(new Exception());
  print("  cancel ->", fut.cancel());
});
await tbCase("test_tb_logger_result_unretrieved", (lp) => {
  lp.createFuture().setResult(42);
});
await tbCase("test_tb_logger_result_retrieved", (lp) => {
  const fut = lp.createFuture();
  fut.setResult(42);
  fut.result();
});
await tbCase("test_tb_logger_exception_unretrieved", (lp) => {
  const fut = lp.createFuture();
  fut.setException(new RuntimeError("boom"));
});
await tbCase("test_tb_logger_exception_retrieved", (lp) => {
  const fut = lp.createFuture();
  fut.setException(new RuntimeError("boom"));
  print("  exception()", repr(fut.exception()));
});
await tbCase("test_tb_logger_exception_result_retrieved", (lp) => {
  const fut = lp.createFuture();
  fut.setException(new RuntimeError("boom"));
  try {
    fut.result();
  } catch (e) {
    print("  result() raised", repr(e));
  }
});

function neverRetrieved(debug) {
  return async (lp) => {
    lp.setDebug(debug);
    const fut = lp.createFuture();
    fut.setException(new MemoryError());
    await runBriefly(lp);
  };
}
await tbCase("test_future_exception_never_retrieved", neverRetrieved(false));
await tbCase("test_future_exception_never_retrieved_debug", neverRetrieved(true));

loop.close();
