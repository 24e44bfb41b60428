import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass, ValueError } from "./task_util.mjs";

const KeyError = errorClass("KeyError");
const log = [];

function cb(x) {
  log.push(x);
}

const instant = aio.coroutine(async function (x) {
  return x * 2;
});

const raisesAtOnce = aio.coroutine(async function (msg) {
  throw new ValueError(msg);
});

// n levels of coroutines, each awaiting a done future, none suspends
const chain = aio.coroutine(async function (n, fut) {
  const v = await fut;
  if (n === 0) return v.length;
  return 1 + (await chain(n - 1, fut));
});

const chainRaises = aio.coroutine(async function (n) {
  if (n === 0) throw new KeyError("'bottom'");
  try {
    return await chainRaises(n - 1);
  } finally {
    log.push(`finally ${n}`);
  }
});

const ticker = aio.coroutine(async function () {
  log.push("ticker step");
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  const done = loop.createFuture();
  done.setResult("ready");
  const failed = loop.createFuture();
  failed.setException(new ValueError("failed fut"));
  const cancelled = loop.createFuture();
  cancelled.cancel("cmsg");
  const tOk = aio.createTask(instant(21));
  const tBad = aio.createTask(raisesAtOnce("task boom"));
  const tCancelled = aio.createTask(instant(1));
  tCancelled.cancel("tmsg");
  await aio.sleep(0);
  print("tasks done", tOk.done(), tBad.done(), tCancelled.done());

  loop.callSoon(cb, "cb1");
  aio.createTask(ticker());
  print("await done future ->", repr(await done), log);
  try {
    await failed;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("await failed future ->", repr(str(e)), log);
  }
  for (let i = 0; i < 2; i++) {
    try {
      await cancelled;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("await cancelled future ->", repr(str(e)), log);
    }
  }
  print("await done task ->", await tOk, log);
  try {
    await tBad;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("await failed task ->", repr(str(e)), log);
  }
  for (let i = 0; i < 2; i++) {
    try {
      await tCancelled;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("await cancelled task ->", repr(str(e)), log);
    }
  }
  print("await instant() ->", await instant(5), log);
  try {
    await raisesAtOnce("direct");
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("await raises_at_once() ->", repr(str(e)), log);
  }
  print("chain(30) ->", await chain(30, done), log);
  try {
    await chainRaises(3);
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("chain_raises(3) ->", repr(str(e)), log);
  }
  const fresh = loop.createFuture();
  loop.callSoon(cb, "cb2");
  fresh.setResult("set just now");
  print("await future set in this step ->", repr(await fresh), log);
  print("ensure_future(done) is done", aio.ensureFuture(done) === done);
  print("shield(done) ->", repr(await aio.shield(done)), log);
  print("wait_for(done, None) ->", repr(await aio.waitFor(done, null)), log);
  await aio.sleep(0);
  print("after sleep(0)", log);
  log.length = 0;

  print("== done callbacks vs await of the same done future");
  const f2 = loop.createFuture();
  f2.addDoneCallback((f) => log.push("done cb"));
  f2.setResult("x");
  print("await ->", await f2, log);
  await aio.sleep(0);
  print("after sleep(0)", log);
  log.length = 0;

  print("== pending self-cancel across awaits that do not suspend");
  aio.currentTask().cancel("pending");
  print("await done ->", repr(await done), aio.currentTask().cancelling());
  print("await instant ->", await instant(7));
  try {
    await aio.sleep(0);
    print("not reached");
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("sleep(0) raised", repr(str(e)));
  }
  print("uncancel ->", aio.currentTask().uncancel());
});
