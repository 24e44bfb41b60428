import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// PriorityQueue entries whose priority is one and the same NaN object: Python's tuple comparison
// treats identical elements as equal (identity before ==), so the tie is broken by the next
// element; an unrelated NaN never equals another. (JavaScript has a single NaN value, the twin
// of Python's one NaN object.)
await aio.run(function* () {
  const nan = NaN;
  let q = new aio.PriorityQueue();
  for (const name of ["d", "b", "e", "a", "c"]) q.putNowait([nan, name]);
  const out = [];
  while (q.qsize() > 0) out.push(q.getNowait()[1]);
  print("same nan", out);
  q = new aio.PriorityQueue();
  for (const [p, name] of [[2, "x"], [nan, "n1"], [1, "y"], [nan, "n0"], [0, "z"]]) q.putNowait([p, name]);
  const out2 = [];
  while (q.qsize() > 0) out2.push(q.getNowait()[1]);
  print("mixed", out2);
});
