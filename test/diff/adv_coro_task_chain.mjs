import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const it = [0];

const clock = aio.coroutine(function* (stop) {
  while (!stop.done()) {
    print("-- iteration", it[0]);
    it[0] += 1;
    yield* aio.sleep(0);
  }
});

const link = aio.coroutine(function* (name, prev, extraSleeps) {
  print(name, "starts at", it[0]);
  try {
    let v;
    if (prev === null) {
      for (let i = 0; i < extraSleeps; i++) yield* aio.sleep(0);
      v = 0;
    } else {
      v = yield* prev;
    }
    print(name, "got", v, "at", it[0]);
    for (let i = 0; i < (prev !== null ? extraSleeps : 0); i++) yield* aio.sleep(0);
    return v + 1;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(name, "cancelled", repr(str(e)), "at", it[0], "cancelling", aio.currentTask().cancelling());
    throw e;
  }
});

const fanIn = aio.coroutine(function* (name, target) {
  const v = yield* target;
  print(name, "woke with", v, "at", it[0]);
  return name;
});

await aio.run(function* () {
  const stop = aio.getRunningLoop().createFuture();
  const ck = aio.createTask(clock(stop));
  yield* aio.sleep(0);

  print("== chain of 6 tasks, each awaiting the previous one");
  let tasks = [];
  let prev = null;
  for (let i = 0; i < 6; i++) {
    prev = aio.createTask(link(`c${i}`, prev, i % 2 === 0 ? 1 : 0));
    tasks.push(prev);
  }
  print("last ->", yield* tasks[tasks.length - 1], "at", it[0]);

  print("== chain created from the end: each task awaits one created after it");
  const futs = [];
  for (let i = 0; i < 5; i++) futs.push(aio.getRunningLoop().createFuture());

  const waitsFor = aio.coroutine(function* (name, i) {
    const t = yield* futs[i];
    print(name, "has its task at", it[0]);
    const v = yield* t;
    print(name, "got", v, "at", it[0]);
    return v * 10;
  });

  const holders = [];
  for (let i = 0; i < 4; i++) holders.push(aio.createTask(waitsFor(`r${i}`, i)));
  const base = aio.createTask(link("r-base", null, 2));
  futs[3].setResult(base);
  for (let i = 0; i < 3; i++) futs[i].setResult(holders[i + 1]);
  print("r0 ->", yield* holders[0], "at", it[0]);

  print("== many tasks awaiting one task: woken in the order they started waiting");
  const target = aio.createTask(link("target", null, 2));
  const fans = [3, 1, 4, 0, 2].map((i) => aio.createTask(fanIn(`f${i}`, target)));
  print("fans ->", yield* aio.gather(...fans), "at", it[0]);

  print("== cancel the last task of a chain of 5");
  tasks = [];
  prev = null;
  for (let i = 0; i < 5; i++) {
    prev = aio.createTask(link(`k${i}`, prev, 3));
    tasks.push(prev);
  }
  yield* aio.sleep(0);
  print("cancel k4 ->", tasks[tasks.length - 1].cancel("from the top"), tasks.map((t) => t.cancelling()));
  try {
    yield* tasks[tasks.length - 1];
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("k4 raised", repr(str(e)), "at", it[0]);
  }
  print("states", tasks.map((t) => t.cancelled()), tasks.map((t) => t.cancelling()));

  print("== cancel the middle task of a chain of 5");
  tasks = [];
  prev = null;
  for (let i = 0; i < 5; i++) {
    prev = aio.createTask(link(`m${i}`, prev, 3));
    tasks.push(prev);
  }
  yield* aio.sleep(0);
  print("cancel m2 ->", tasks[2].cancel("middle"), tasks.map((t) => t.cancelling()));
  try {
    yield* tasks[tasks.length - 1];
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("m4 raised", repr(str(e)), "at", it[0]);
  }
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("states", tasks.map((t) => t.cancelled()), tasks.map((t) => t.done()), tasks.map((t) => t.cancelling()));

  stop.setResult(null);
  yield* ck;
});
