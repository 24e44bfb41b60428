import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// run(main) accepts a coroutine function: here one made by aio.coroutine() from an async
// function (API.md section 1: called with no arguments inside the new loop).
let first = true;
const main = aio.coroutine(async function () {
  if (first) print("main runs in", aio.currentTask().getName());
  first = false;
  await aio.sleep(0);
  return "main result";
});

print("run ->", await aio.run(main));
print("run again ->", await aio.run(main));
