import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
await aio.run(async () => {
  const loop = aio.getRunningLoop();
  let f = loop.createFuture();
  loop.callSoon((v) => f.setResult(v), 1);
  let [d, p] = await aio.wait([f], { timeout: Infinity });
  print("wait inf", d.size, p.size);
  print("as_completed empty", [...aio.asCompleted([], { timeout: 0 })]);
  f = loop.createFuture();
  loop.callSoon((v) => f.setResult(v), 2);
  for (const aw of aio.asCompleted([f], { timeout: Infinity })) print("ac inf", await aw);
  const c = aio.coroutine(async function () { print("c runs"); return 3; });
  const s = aio.shield(c());
  print("cancel shield of coro", s.cancel());
  await aio.sleep(0); await aio.sleep(0);
  print("s", s.cancelled());
  f = loop.createFuture();
  const it = aio.asCompleted([f], { timeout: 0 })[Symbol.iterator]();
  const aw = it.next().value;
  await aio.sleep(0); await aio.sleep(0);
  f.setResult("late");
  try { print(await aw); } catch (e) { if (e instanceof aio.TimeoutError) print("late TimeoutError"); else throw e; }
  if (it.next().done) print("stop");
  f = loop.createFuture();
  try { await aio.waitFor(f, -Infinity); } catch (e) { if (e instanceof aio.TimeoutError) print("-inf timeout", f.cancelled()); else throw e; }
  [d, p] = await aio.wait([loop.createFuture()], { timeout: -Infinity });
  print("wait -inf", d.size, p.size);
  const g = aio.gather(...Array(50).fill(f));
  try { await g; } catch (e) { if (e instanceof aio.CancelledError) print("gather of 50 cancelled", repr(str(e))); else throw e; }
});
