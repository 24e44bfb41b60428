import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// repr() of the values as Python shows them (pyfmt prints 1e-05 as 0.00001).
const shown = new Map([[1e-5, "1e-05"]]);
const pyRepr = (v) => shown.get(v) ?? repr(v);

// setName() and createTask({ name }) store str() of the value: null gives 'None' (setName;
// name null means "no name" at creation), small floats keep Python's exponent form
// ('1e-05', '1e-07'), booleans and arrays their Python spelling.

const nap = aio.coroutine(function* nap() {
  yield* aio.sleep(0);
});

const main = aio.coroutine(function* main() {
  const t = aio.createTask(nap());
  print("default", t.getName());
  for (const v of [null, 1e-5, 1e-7, 2.5e-8, true, false, [1, "a"]]) {
    t.setName(v);
    print("set_name", pyRepr(v), "->", repr(t.getName()));
  }
  for (const v of [1e-5, true, false]) {
    const u = aio.createTask(nap(), { name: v });
    print("name=", pyRepr(v), "->", repr(u.getName()));
    yield* u;
  }
  yield* t;
});

await aio.run(main);
