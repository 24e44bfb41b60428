import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const sub = aio.coroutine(async function (tag) {
  print(tag, "starts in", aio.currentTask().getName());
  await aio.sleep(0);
  print(tag, "ends");
  return tag + "!";
});

await aio.run(async () => {
  print("main: await a coroutine");
  let r = await sub("coro");
  print("main got", r);

  print("main: create a task");
  const t = aio.createTask(sub("task"));
  print("main: task created; done", t.done());
  r = await t;
  print("main got", r);

  const other = aio.createTask(sub("other"));
  print("main: await a coroutine while another task is ready");
  r = await sub("inline");
  print("main got", r);
  await other;

  const c1 = sub("c1");
  const c2 = sub("c2");
  print("main: coroutine objects made, nothing ran");
  const t2 = aio.createTask(c2);
  print("main: await c1");
  print("main got", await c1, await t2);

  const results = [];
  for (let i = 0; i < 3; i++) results.push(await sub(`seq${i}`));
  print("sequential", results);
});
