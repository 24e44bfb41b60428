import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

const joiner = aio.coroutine(async function (q, name) {
  print(name, "joining");
  const r = await q.join();
  print(name, "joined", r);
});

/** taskDone() raising RangeError is Python's ValueError. */
function taskDone(q) {
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message);
  }
}

await aio.run(async () => {
  let q = new aio.Queue();
  await q.join();
  print("join on fresh queue returned");
  taskDone(q);

  for (let i = 0; i < 3; i++) q.putNowait(i);
  const js = [0, 1].map((i) => aio.createTask(joiner(q, `j${i}`)));
  await aio.sleep(0);
  for (let i = 0; i < 3; i++) {
    const v = q.getNowait();
    print("got", v, "done j0", js[0].done());
    q.taskDone();
    await aio.sleep(0);
    print("after task_done", i);
  }
  await aio.gather(...js);

  q.putNowait("a");
  q.putNowait("b");
  q.taskDone();
  q.taskDone();
  print("joined early", (await aio.waitFor(q.join(), 1)) === undefined, "qsize", q.qsize());
  print([q.getNowait(), q.getNowait()]);
  taskDone(q);

  q.putNowait(1);
  const j = aio.createTask(joiner(q, "j3"));
  await aio.sleep(0);
  q.getNowait();
  q.taskDone();
  q.putNowait(2);
  await aio.sleep(0);
  print("j3 done", j.done(), "unfinished item", q.getNowait());
  q.taskDone();

  q.putNowait("x");
  const a = aio.createTask(joiner(q, "ja"));
  const b = aio.createTask(joiner(q, "jb"));
  await aio.sleep(0);
  a.cancel();
  await aio.sleep(0);
  print("ja cancelled", a.cancelled(), "jb done", b.done());
  q.getNowait();
  q.taskDone();
  await b;

  q = new aio.Queue();
  const log = [];
  const worker = aio.coroutine(async function (name) {
    for (;;) {
      const n = await q.get();
      await aio.sleep(0);
      log.push(tuple(name, n));
      q.taskDone();
    }
  });
  for (let n = 0; n < 7; n++) q.putNowait(n);
  const ws = [0, 1, 2].map((i) => aio.createTask(worker(`w${i}`)));
  await q.join();
  print("log", log);
  for (const w of ws) w.cancel();
  print((await aio.gather(...ws, { returnExceptions: true })).map((r) => r.name));
});
