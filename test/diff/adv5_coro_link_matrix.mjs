import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A five-level chain whose links alternate between inline awaits of a coroutine and awaits of
// a new task (T0 -> inline -> T2 -> inline -> T4 ...). The outermost, a middle, or the deepest
// task existing so far is cancelled after k iterations, for every k until the chain completes.
// Every level awaits before descending and after its result, catches CancelledError to report
// it, and has a finally that awaits at odd levels. Then each task's final state.

const DEPTH = 4;
const KINDS = ["task", "inline", "task", "inline", "task"];

const body = aio.coroutine(function* (i, tasks) {
  print(`   L${i} enter in ${aio.currentTask().getName()}`);
  try {
    yield* aio.sleep(0);
    let r;
    if (i === DEPTH) {
      yield* aio.sleep(0);
      r = "b";
    } else if (KINDS[i + 1] === "task") {
      const t = aio.createTask(body(i + 1, tasks), { name: `T${i + 1}` });
      tasks.push(t);
      r = yield* t;
    } else {
      r = yield* body(i + 1, tasks);
    }
    yield* aio.sleep(0);
    print(`   L${i} returns`);
    return `L${i}.${r}`;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(`   L${i} CancelledError ${repr(str(e))} in ${aio.currentTask().getName()} cancelling=${aio.currentTask().cancelling()}`);
    throw e;
  } finally {
    if (i % 2 === 1) {
      yield* aio.sleep(0);
      print(`   L${i} finally (after an await)`);
    } else {
      print(`   L${i} finally`);
    }
  }
});

function state(t) {
  if (!t.done()) return "pending";
  if (t.cancelled()) return `cancelled/${t.cancelling()}`;
  if (t.exception() !== null) return "failed " + t.exception().name;
  return `result ${repr(t.result())}/${t.cancelling()}`;
}

const runCase = aio.coroutine(function* (target, k) {
  print(`== cancel ${target} after ${k} iterations`);
  const tasks = [];
  const top = aio.createTask(body(0, tasks), { name: "T0" });
  tasks.unshift(top);
  for (let j = 0; j < k; j++) yield* aio.sleep(0);
  let victim;
  if (target === "top") victim = tasks[0];
  else if (target === "mid") victim = tasks.length > 2 ? tasks[1] : null;
  else victim = tasks[tasks.length - 1];
  if (victim === null) print("  no middle task yet; nothing cancelled");
  else print(`  cancel ${victim.getName()} (done=${repr(victim.done())}) -> ${repr(victim.cancel(`${target}@${k}`))}`);
  yield* aio.wait([top]);
  print("  states:", tasks.map((t) => `${t.getName()} ${state(t)}`).join(", "));
});

await aio.run(function* () {
  for (const target of ["top", "mid", "deep"]) {
    for (let k = 0; k < 12; k++) yield* runCase(target, k);
  }
  print("loop still works:", yield* aio.sleep(0, "yes"));
});
