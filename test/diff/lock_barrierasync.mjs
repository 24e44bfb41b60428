import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of lock_barrier.mjs.
// Barrier phases: filling (nWaiting counts up), draining (the last party trips it; the others
// wake with their index; new arrivals block until the drain ends), back to filling; several
// rounds; parties=1; barrier.with((i) => ...); cancelling a waiting party.
const r = (x) => String(x);

await aio.run(async () => {
  let b = new aio.Barrier(3);
  print("initial", r(b), b.parties, b.nWaiting, b.broken);

  const party = aio.coroutine(async function (name, rounds) {
    const out = [];
    for (let k = 0; k < rounds; k++) {
      const i = await b.wait();
      print("pass", name, "round", k, "index", i, r(b));
      out.push(i);
    }
    return out;
  });

  const ts = ["a", "b", "c"].map((n) => aio.createTask(party(n, 3)));
  for (let step = 0; step < 4; step++) {
    await aio.sleep(0);
    print("step", step, r(b), b.nWaiting);
  }
  const res = await aio.gather(...ts);
  print("indices", res, r(b));

  print("-- filling one by one");
  let t1 = aio.createTask(b.wait());
  await aio.sleep(0);
  print("one", b.nWaiting, r(b));
  let t2 = aio.createTask(b.wait());
  await aio.sleep(0);
  print("two", b.nWaiting, r(b));
  let t3 = aio.createTask(b.wait());
  await aio.sleep(0);
  print("tripped", r(b), [t1, t2, t3].map((t) => t.done()));
  await aio.wait([t1, t2, t3]);
  print("results", [t1, t2, t3].map((t) => t.result()), r(b));

  print("-- arrivals during draining wait for the next round");
  const log = [];
  const p2 = aio.coroutine(async function (name) {
    let i = await b.wait();
    log.push([name, "first", i]);
    i = await b.wait();
    log.push([name, "second", i]);
  });
  const ps = ["x", "y", "z"].map((n) => aio.createTask(p2(n)));
  await aio.sleep(0);
  await aio.sleep(0);
  print("draining?", r(b));
  await aio.gather(...ps);
  for (const e of log) print(...e);
  print("after", r(b));

  print("-- async with barrier as i, parties=1");
  const one = new aio.Barrier(1);
  const solo = aio.coroutine(async function () {
    return await one.with(async function (i) {
      return tuple("solo", i, r(one));
    });
  });
  print(await solo(), await solo(), r(one));

  print("-- a waiting party cancelled");
  b = new aio.Barrier(3);
  const done = [];
  const c = aio.coroutine(async function (name) {
    await b.wait();
    done.push(name);
  });
  t1 = aio.createTask(c("t1"));
  await aio.sleep(0);
  t2 = aio.createTask(c("t2"));
  await aio.sleep(0);
  print("waiting", b.nWaiting);
  t1.cancel();
  await aio.sleep(0);
  print("after cancel", b.nWaiting, r(b));
  await aio.gather(t1, { returnExceptions: true });
  print("t1 cancelled", t1.cancelled());
  t3 = aio.createTask(c("t3"));
  await aio.sleep(0);
  print("refill", b.nWaiting);
  const t4 = aio.createTask(c("t4"));
  await aio.gather(t2, t3, t4);
  print("done", done, r(b), b.broken);
});
