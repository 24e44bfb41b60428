import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// gather(return_exceptions=True) cancelled through the gather: when every child is done, the
// CancelledError raised is made by the *last child in argument order* (the `for fut in children`
// loop rebinds `fut` in _done_callback), not by the child whose completion ended the gather.

const isCancel = (e) => e instanceof aio.CancelledError;

const slow = aio.coroutine(async function (name) {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (isCancel(e)) print(name, "cancelled", repr(str(e)));
    throw e;
  }
});

const quick = aio.coroutine(async function (v) {
  return v;
});

const waiter = aio.coroutine(async function (g) {
  try {
    await g;
  } catch (e) {
    if (isCancel(e)) print("waiter saw", repr(str(e)));
    throw e;
  }
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  print("-- the last child finished normally before the cancel");
  let a = aio.createTask(slow("a"));
  let b = aio.createTask(quick(1));
  await aio.sleep(0);
  let g = aio.gather(a, b, { returnExceptions: true });
  await aio.sleep(0);
  print("cancel ->", g.cancel("msg-1"));
  try {
    await g;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("gather raised", repr(str(e)));
  }
  try {
    a.result();
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("a.result() raised", repr(str(e)));
  }

  print("-- the last child is a future cancelled with its own message");
  a = aio.createTask(slow("a"));
  const f = loop.createFuture();
  f.cancel("fut-msg");
  await aio.sleep(0);
  g = aio.gather(a, f, { returnExceptions: true });
  await aio.sleep(0);
  print("cancel ->", g.cancel("msg-2"));
  try {
    await g;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("gather raised", repr(str(e)));
  }

  print("-- the same order reversed: the last child is the one that was cancelled");
  b = aio.createTask(quick(1));
  await aio.sleep(0);
  a = aio.createTask(slow("a"));
  g = aio.gather(b, a, { returnExceptions: true });
  await aio.sleep(0);
  print("cancel ->", g.cancel("msg-3"));
  try {
    await g;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("gather raised", repr(str(e)));
  }

  print("-- a task awaiting such a gather is cancelled with a message");
  a = aio.createTask(slow("a"));
  b = aio.createTask(quick(2));
  await aio.sleep(0);
  const w = aio.createTask(waiter(aio.gather(a, b, { returnExceptions: true })));
  await aio.sleep(0);
  w.cancel("msg-4");
  try {
    await w;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main saw", repr(str(e)));
  }
});
