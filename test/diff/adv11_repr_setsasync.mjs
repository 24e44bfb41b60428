import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Sets and dicts (JavaScript Sets and Maps) as results and callback arguments in asyncio's reprs,
// which show them through reprlib: sorted when their items compare (all numbers, or all strings),
// at most six set items and four dict entries, 'set()' and '{}' when empty, '{...}' past six
// levels of nesting, each item cut as reprlib cuts it.
const M = (entries) => new Map(entries);
const S = (items) => new Set(items);

await aio.run(async function main() {
  const loop = aio.getRunningLoop();
  const values = [
    S([3, 1, 2]),
    S([]),
    S([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]),
    S(["pear", "apple", "fig"]),
    S(["x".repeat(40)]),
    S([2.5, -1, 1e-7]),
    M([["b", 1], ["a", [1, 2]], ["c", null]]),
    M([]),
    M([[5, "e"], [4, "d"], [3, "c"], [2, "b"], [1, "a"]]),
    M([["k", M([["n", S([1, 2])]])]]),
    [S([1]), [S([2]), [S([3]), [S([4]), [S([5]), [S([6]), [S([7])]]]]]]],
    [M([["a", [M([["b", [M([["c", [M([["d", 1]])]]])]]])]]])],
  ];
  print("-- future results");
  for (const v of values) {
    const f = loop.createFuture();
    f.setResult(v);
    print(String(f));
  }
  print("-- callback arguments");
  const h = loop.callSoon(print, S([2, 1]), M([["z", 0], ["y", S([3, 2])]]));
  print(String(h));
  h.cancel();
  const t = loop.callAt(-3.5, print, S([]), M([]));
  print(String(t));
  t.cancel();
  print(String(t));
  print("-- results of tasks, gathered");
  const collect = aio.coroutine(async function collect(i) {
    await aio.sleep(0);
    const done = [];
    for (let k = i; k > 0; k--) done.push(k);
    return M([["done", S(done)], ["count", i]]);
  });
  const res = await aio.gather(collect(3), collect(0));
  const f = loop.createFuture();
  f.setResult(res);
  print(String(f));
});
