import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// timeout() and wait_for() around code that does not suspend, while a cancellation request is
// pending (the task cancelled itself, maybe withdrew the count with uncancel(), which in 3.11
// leaves the request itself pending) or an expiry is queued (reschedule() into the past): what
// comes out of the block, with which message, what cancelling() says, whether the next real
// suspension is cancelled, and how a queued expiry and a pending request combine.
const INF = Infinity;
const log = [];
const fmt = (e) => `${e.name}(${repr(e.message)})`;
const noAwait = aio.coroutine(async function (v) {
  log.push(`no_await(${repr(v)})`);
  return v;
});
const me = () => aio.currentTask();

const c1 = aio.coroutine(async function () {
  me().cancel("c1");
  let r;
  const cm = await aio.timeout(10, async function (cm) {
    r = await noAwait(1);
    return cm;
  });
  print("    after the block", r, "expired", cm.expired(), repr(cm), "cancelling", me().cancelling());
});

const c2 = aio.coroutine(async function () {
  let r;
  const cm = await aio.timeout(10, async function (cm) {
    me().cancel("c2");
    r = await noAwait(2);
    return cm;
  });
  print("    after the block", r, "expired", cm.expired(), "cancelling", me().cancelling());
});

const c3 = aio.coroutine(async function () {
  await aio.timeout(10, async function () {
    me().cancel("c3");
    await noAwait(3);
    await aio.sleep(0);
  });
});

const c4 = aio.coroutine(async function () {
  const loop = aio.getRunningLoop();
  let r;
  const cm = await aio.timeout(10, async function (cm) {
    cm.reschedule(loop.time() - 1);
    r = await noAwait(4);
    return cm;
  });
  print("    after the block", r, "expired", cm.expired(), repr(cm));
});

const c5 = aio.coroutine(async function () {
  const loop = aio.getRunningLoop();
  const f = loop.createFuture();
  f.setResult("ready");
  let r, r2;
  const cm = await aio.timeout(10, async function (cm) {
    cm.reschedule(-INF);
    r = await f;
    r2 = await noAwait(5);
    return cm;
  });
  print("    after the block", r, r2, "expired", cm.expired());
});

const c6 = aio.coroutine(async function () {
  const loop = aio.getRunningLoop();
  await aio.timeout(10, async function (cm) {
    cm.reschedule(loop.time() - 1);
    me().cancel("c6");
    await aio.sleep(0);
  });
});

const c7 = aio.coroutine(async function () {
  await aio.timeout(10, async function (cm) {
    me().cancel("c7");
    cm.reschedule(-INF);
    await aio.sleep(0);
  });
});

const c8 = aio.coroutine(async function () {
  me().cancel("c8");
  await aio.timeout(0, async function () {
    await aio.sleep(INF);
  });
});

const c9 = aio.coroutine(async function () {
  await aio.timeout(0, async function () {
    me().cancel("c9");
    await aio.sleep(INF);
  });
});

const c10 = aio.coroutine(async function () {
  me().cancel("c10");
  let r;
  const cm = await aio.timeout(0, async function (cm) {
    r = await noAwait(10);
    return cm;
  });
  print("    after the block", r, "expired", cm.expired(), "cancelling", me().cancelling());
});

const c11 = aio.coroutine(async function () {
  const outer = await aio.timeout(10, async function (outer) {
    let r;
    const inner = await aio.timeout(-1, async function (inner) {
      r = await noAwait(11);
      return inner;
    });
    print("    inner done", r, "expired", inner.expired());
    await aio.sleep(0);
    return outer;
  });
  print("    outer done, expired", outer.expired());
});

class ValueError extends Error {
  constructor(m) {
    super(m);
    this.name = "ValueError";
  }
}

const c12 = aio.coroutine(async function () {
  await aio.timeout(10, async function () {
    me().cancel("c12");
    throw new ValueError("bad");
  });
});

const c13 = aio.coroutine(async function () {
  await aio.timeout(10, async function () {
    me().cancel("c13");
    print("    uncancel ->", me().uncancel());
    await aio.sleep(0);
  });
  print("    not reached");
});

const c14 = aio.coroutine(async function () {
  me().cancel("c14");
  print("    uncancel ->", me().uncancel());
  await aio.timeout(0, async function () {
    await aio.sleep(INF);
  });
});

const c15 = aio.coroutine(async function () {
  me().cancel("c15");
  print("    uncancel ->", me().uncancel());
  await aio.timeout(10, async function (cm) {
    await noAwait(15);
    cm.reschedule(-INF);
    await aio.sleep(0);
  });
});

function waitforCase(label, to) {
  const c = aio.coroutine(async function () {
    me().cancel(label);
    const r = await aio.waitFor(noAwait(label), to);
    print("    wait_for ->", repr(r), "cancelling", me().cancelling());
  });
  return [label, c];
}

await aio.run(async function () {
  const cases = [["c1", c1], ["c2", c2], ["c3", c3], ["c4", c4], ["c5", c5], ["c6", c6], ["c7", c7], ["c8", c8],
    ["c9", c9], ["c10", c10], ["c11", c11], ["c12", c12], ["c13", c13], ["c14", c14], ["c15", c15],
    waitforCase("wf_none", null), waitforCase("wf_inf", INF),
    waitforCase("wf_ten", 10), waitforCase("wf_zero", 0), waitforCase("wf_neg", -1)];
  for (const [name, c] of cases) {
    print("--", name);
    log.length = 0;
    const t = aio.createTask(c());
    try {
      await t;
      print("  returned");
    } catch (e) {
      if (e instanceof aio.CancelledError) print("  task cancelled", fmt(e), "cancelling", t.cancelling());
      else print("  task failed", fmt(e), "cancelling", t.cancelling());
    }
    print("  log", log);
  }
});
