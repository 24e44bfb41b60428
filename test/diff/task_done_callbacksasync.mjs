import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

function makeCb(name) {
  return (fut) => {
    if (fut.cancelled()) print("cb", name, "sees cancelled");
    else print("cb", name, "sees", repr(fut.result()));
  };
}

const child = aio.coroutine(async function () {
  await aio.sleep(0);
  return "child-result";
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  const a = makeCb("a");
  const b = makeCb("b");
  const c = makeCb("c");

  const f = loop.createFuture();
  f.addDoneCallback(a);
  f.addDoneCallback(b);
  f.addDoneCallback(a);
  f.addDoneCallback(c);
  f.addDoneCallback(b);
  print("remove b ->", f.removeDoneCallback(b));
  print("remove b again ->", f.removeDoneCallback(b));
  print("remove never added ->", f.removeDoneCallback(makeCb("x")));
  loop.callSoon(print, "soon before set");
  f.setResult("R");
  loop.callSoon(print, "soon after set");
  print("set_result returned; no callback ran yet");
  await aio.sleep(0);
  print("main after sleep(0)");

  f.addDoneCallback(makeCb("late"));
  print("remove a after done ->", f.removeDoneCallback(a));
  print("late callback scheduled");
  await aio.sleep(0);
  print("main after second sleep(0)");

  const g = loop.createFuture();
  g.addDoneCallback(c);
  g.addDoneCallback(a);
  print("remove c ->", g.removeDoneCallback(c));
  g.cancel();
  print("cancelled g");
  await aio.sleep(0);

  const t = aio.createTask(child());
  t.addDoneCallback(makeCb("task1"));
  t.addDoneCallback(makeCb("task2"));
  const r = await t;
  print("main awaited task", r);
  await aio.sleep(0);
  print("end");
});
