// Async-function twin of adv5_comp_self_await.py.
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const r = (x) => String(x);

const selfish = aio.coroutine(async function selfish(holder) {
  const me = aio.currentTask();

  print("-- wait([me]) with a timeout");
  const [done, pending] = await aio.wait([me], { timeout: 0.01 });
  print("done", done.size, "pending", pending.size, pending.size === 1 && pending.has(me));
  print("me:", r(me));

  print("-- wait_for(shield(me))");
  const s = aio.shield(me);
  try {
    await aio.waitFor(s, 0.01);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError; cancelling", me.cancelling(), "shield cancelled", s.cancelled());
  }
  print("me:", r(me));

  print("-- wait_for(gather(me))");
  const g = aio.gather(me);
  holder.push(g);
  try {
    await aio.waitFor(g, 0.01);
  } catch (e) {
    if (e instanceof aio.TimeoutError) print("TimeoutError", me.cancelling());
    else if (e instanceof aio.CancelledError) print("CancelledError", repr(str(e)), "cancelling", me.cancelling(), "g done", g.done());
    else throw e;
  }
  print("uncancel ->", me.uncancel());
  print("me:", r(me));

  for (const [label, to] of [["wait_for(me, timeout)", 0.01], ["wait_for(me, 0)", 0]]) {
    print("--", label);
    try {
      await aio.waitFor(me, to);
    } catch (e) {
      if (e instanceof aio.TimeoutError) print("TimeoutError", me.cancelling());
      else if (e instanceof aio.CancelledError) print("CancelledError", repr(str(e)), "cancelling", me.cancelling());
      else throw e;
    }
    print("uncancel ->", me.uncancel());
  }

  print("-- as_completed([me], timeout)");
  try {
    for (const c of aio.asCompleted([me], { timeout: 0.01 })) await c;
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError");
  }
  print("me:", r(me));
  await aio.sleep(0);
  print("still running, cancelling", me.cancelling());
  return "selfish done";
});

await aio.run(async () => {
  const holder = [];
  const t = aio.createTask(selfish(holder), { name: "selfish" });
  print("result", await t);
  const g = holder[0];
  print("g done", g.done(), "cancelled", g.cancelled());
  await aio.sleep(0);
  print("g done", g.done(), "cancelled", g.cancelled(), repr(g.exception()));
});
