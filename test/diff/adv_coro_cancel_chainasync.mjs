import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass, ValueError } from "./task_util.mjs";

const KeyError = errorClass("KeyError");

function cur() {
  return aio.currentTask().cancelling();
}

const leaf = aio.coroutine(async function (name, mode) {
  try {
    await aio.sleep(1);
    return "leaf done";
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(name, "leaf except", repr(str(e)), cur());
    if (mode === "convert") throw new ValueError("converted at leaf");
    throw e;
  } finally {
    print(name, "leaf finally");
  }
});

const mid = aio.coroutine(async function (name, depth, mode) {
  try {
    let r;
    if (depth === 0) r = await leaf(name, mode);
    else r = await mid(name, depth - 1, mode);
    print(name, "mid", depth, "got", repr(r));
    return r;
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      print(name, "mid", depth, "except Cancelled", repr(str(e)), cur());
      if (mode === "swallow" && depth === 1) return "swallowed at 1";
      if (mode === "reraise_other" && depth === 2) throw new KeyError("'k'");
      throw e;
    }
    if (e instanceof ValueError) {
      print(name, "mid", depth, "except ValueError", repr(str(e)));
      throw e;
    }
    throw e;
  } finally {
    print(name, "mid", depth, "finally");
  }
});

const top = aio.coroutine(async function (name, mode) {
  try {
    const r = await mid(name, 3, mode);
    print(name, "top got", repr(r));
    return r;
  } catch (e) {
    print(name, "top except", e.name, repr(str(e)));
    throw e;
  }
});

const ticker = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) {
    print("tick", i);
    await aio.sleep(0);
  }
});

function report(label, fn) {
  try {
    print(label, repr(fn()));
  } catch (e) {
    if (e instanceof aio.CancelledError) print(label, "raised CancelledError", repr(str(e)));
    else print(label, "raised", e.name, repr(str(e)));
  }
}

await aio.run(async () => {
  for (const mode of ["plain", "convert", "swallow", "reraise_other"]) {
    print("== mode", mode);
    const t = aio.createTask(top(mode, mode));
    await aio.sleep(0);
    print("cancel ->", t.cancel("msg-" + mode), t.cancelling());
    print("cancel again ->", t.cancel("second-" + mode), t.cancelling());
    try {
      const r = await t;
      print("await t ->", repr(r));
    } catch (e) {
      if (e instanceof aio.CancelledError) print("await t raised CancelledError", repr(str(e)));
      else print("await t raised", e.name, repr(str(e)));
    }
    print("state cancelled", t.cancelled(), "cancelling", t.cancelling());
    for (let i = 0; i < 2; i++) report("result", () => t.result());
  }

  print("== cancel arrives before the first step");
  let t = aio.createTask(top("early", "plain"));
  t.cancel("early");
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("await t raised CancelledError", repr(str(e)));
  }

  print("== cancel while a ticker runs");
  t = aio.createTask(top("tk", "plain"));
  const k = aio.createTask(ticker(4));
  await aio.sleep(0);
  t.cancel();
  await aio.sleep(0);
  print("main after one tick", t.done());
  await k;
  print("t cancelled", t.cancelled());
});
