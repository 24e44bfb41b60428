import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A task that awaits itself gets RuntimeError('Task cannot await on itself: ...') on its next
// step; asyncio leaves the task marked as awaited (_asyncio_future_blocking), so while it is
// pending every later direct await of it, by itself or by another task, raises
// RuntimeError("await wasn't used with future") at once (no iteration passes), while gather(),
// shield(), waitFor() and wait(), which use done callbacks, still work, and awaiting it once it
// is done gives its result. The same for a pending future of another loop that a task tried to
// await. The tasks stay usable: cancelled afterwards, they end as usual.

const other = aio.newEventLoop();
let ticks = 0;

const ticker = aio.coroutine(async function ticker() {
  for (;;) {
    await aio.sleep(0);
    ticks += 1;
  }
});

const tryAwait = aio.coroutine(async function try_await(label, aw) {
  const t0 = ticks;
  try {
    const r = await aw;
    print("   ", label, "got", repr(r), "ticks", ticks - t0);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("   ", label, "RuntimeError", repr(str(e).slice(0, 40)), "ticks", ticks - t0);
  }
});

const selfish = aio.coroutine(async function selfish(label) {
  const me = aio.currentTask();
  await tryAwait(label + " self 1", me);
  await tryAwait(label + " self 2", me);
  await aio.sleep(0.05);
  return label + " value";
});

const main = aio.coroutine(async function main() {
  const tk = aio.createTask(ticker());
  await aio.sleep(0);

  print("-- a task that awaited itself, awaited by another");
  const s = aio.createTask(selfish("S"), { name: "S" });
  await aio.sleep(0);
  await aio.sleep(0);
  await tryAwait("main await S", s);
  await tryAwait("main await S again", s);
  const g = aio.gather(s);
  const sh = aio.shield(s);
  const w = aio.createTask(aio.waitFor(s, 5));
  const [dn, pd] = await aio.wait([s]);
  print("  wait ->", dn.size, pd.size, "gather", await g, "shield", await sh, "wait_for", await w);
  await tryAwait("main await S done", s);

  print("-- a pending future of another loop, tried twice, then by a second task");
  const fp = other.createFuture();
  await tryAwait("foreign 1", fp);
  await tryAwait("foreign 2", fp);
  const t2 = aio.createTask(tryAwait("foreign by t2", fp));
  await t2;
  fp.setResult("now done");
  await tryAwait("foreign done", fp);

  print("-- a pending future of this loop is not affected");
  const f = aio.getRunningLoop().createFuture();
  aio.getRunningLoop().callSoon((v) => f.setResult(v), "fine");
  await tryAwait("own future", f);

  print("-- the marked task is cancelled: it ends as usual");
  const s2 = aio.createTask(selfish("S2"), { name: "S2" });
  await aio.sleep(0);
  await aio.sleep(0);
  print("  cancel ->", s2.cancel("bye"));
  await tryAwait("await S2 after cancel", s2);
  try {
    await aio.gather(s2);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  gather(S2) CancelledError", repr(str(e)));
  }
  print("  S2", String(s2));
  tk.cancel();
  print("loop goes on", await aio.sleep(0, "ok"));
});

await aio.run(main);
other.close();
