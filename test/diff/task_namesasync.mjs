import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

const noop = aio.coroutine(async function () {
  await aio.sleep(0);
  return aio.currentTask().getName();
});

await aio.run(async () => {
  const me = aio.currentTask();
  print("main", me.getName());
  const t1 = aio.createTask(noop());
  const t2 = aio.getRunningLoop().createTask(noop(), { name: "custom" });
  const t3 = aio.createTask(noop());
  print("created", t1.getName(), t2.getName(), t3.getName());
  t3.setName("renamed");
  t1.setName(42);
  print("after set_name", repr(t1.getName()), repr(t3.getName()));
  print("seen inside", await t1, await t2, await t3);

  const t4 = aio.getRunningLoop().createTask(noop(), { name: 7 });
  print("non-string name", repr(t4.getName()));
  await t4;

  print("gather names", await aio.gather(noop(), noop()));
  const t5 = aio.createTask(noop());
  print("after gather", t5.getName());
  const t6 = aio.ensureFuture(noop());
  print("ensure_future", t6.getName());
  await aio.gather(t5, t6);

  const loop = aio.getRunningLoop();
  const t7 = loop.createTask(noop());
  print("loop.create_task", t7.getName());
  const t8 = loop.createTask(noop(), { name: "via-loop" });
  print("loop.create_task named", t8.getName());
  const t9 = loop.createTask(noop());
  print("next unnamed", t9.getName());
  await t7;
  await t9;
  await t8;
  t7.setName("after-done");
  print("rename done task", t7.getName());
  me.setName("main-renamed");
  print("main renamed", aio.currentTask().getName());
});
