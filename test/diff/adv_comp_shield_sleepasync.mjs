import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m ?? ""); this.name = "KeyError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  print("-- shield of done futures returns them as they are");
  let f = loop.createFuture(); f.setResult("r");
  let s = aio.shield(f);
  print("same object", s === f, "result", await s);
  f = loop.createFuture(); f.setException(new ValueError("e"));
  s = aio.shield(f);
  print("same object", s === f, "exc", repr(s.exception()));
  f = loop.createFuture(); f.cancel("c");
  s = aio.shield(f);
  print("same object", s === f, "cancelled", s.cancelled());
  print("cancel the shield of a done future", s.cancel());
  const t0 = aio.createTask(ticks(0));
  await ticks(1);
  print("done task: same object", aio.shield(t0) === t0);

  print("-- shield of a pending future: cancel the outer");
  f = loop.createFuture();
  s = aio.shield(f);
  print("different", s !== f, "cancel", s.cancel("outer only"), "inner cancelled", f.cancelled());
  f.setResult(5);
  await ticks(1);
  print("inner result", f.result(), "outer cancelled", s.cancelled());

  print("-- shield: the inner is cancelled, the outer follows (message?)");
  f = loop.createFuture();
  s = aio.shield(f);
  f.cancel("inner msg");
  await ticks(1);
  try {
    s.result();
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("outer cancelled with", repr(str(e)));
  }

  print("-- shield: the inner fails");
  f = loop.createFuture();
  s = aio.shield(f);
  f.setException(new KeyError("k"));
  try {
    await s;
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("outer raised", repr(e));
  }

  print("-- shield of a coroutine");
  const co = aio.coroutine(async function () {
    await ticks(1);
    return "co";
  });
  s = aio.shield(co());
  print("shield of coroutine done?", s.done(), "->", await s);

  print("-- shield twice (nested)");
  f = loop.createFuture();
  const s1 = aio.shield(f);
  const s2 = aio.shield(s1);
  s2.cancel();
  await ticks(1);
  print("s2", s2.cancelled(), "s1", s1.done(), "f", f.done());
  f.setResult("deep");
  await ticks(2);
  print("s1", s1.result());

  print("-- sleep(delay, result)");
  const obj = ["identity"];
  print(await aio.sleep(0, "zero"));
  print(await aio.sleep(-1, "negative"));
  print(await aio.sleep(0.001, "positive"));
  print((await aio.sleep(0)) === undefined);
  print((await aio.sleep(0, obj)) === obj, (await aio.sleep(0.001, obj)) === obj);
  print(await aio.sleep(0, null), await aio.sleep(0, 0), await aio.sleep(0, false));
  print(await aio.gather(aio.sleep(0.002, "b"), aio.sleep(0, "a"), aio.sleep(-3, "c")));

  print("-- sleep(0, result) takes exactly one iteration; negative too");
  loop.callSoon(print, "soon A");
  let r = await aio.sleep(0, "back");
  print("after sleep(0):", r);
  loop.callSoon(print, "soon B");
  loop.callSoon(() => loop.callSoon(print, "soon C"));
  r = await aio.sleep(-0.5, "back2");
  print("after sleep(-0.5):", r);
  await ticks(1);

  print("-- cancelling sleep(0, result)");
  const sleeper = aio.coroutine(async function () {
    try {
      return await aio.sleep(0, "never");
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("sleeper cancelled", repr(str(e)));
      return "caught";
    }
  });
  let t = aio.createTask(sleeper());
  await ticks(1);
  print("cancel", t.cancel("now"));
  print("sleeper ->", await t);
  t = aio.createTask(sleeper());
  print("cancel before start", t.cancel("early"));
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("sleeper cancelled before start", repr(str(e)));
  }
});
