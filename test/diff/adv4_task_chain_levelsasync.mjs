import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// A task awaiting a task awaiting a task awaiting a future (top -> mid -> bot -> fut),
// cancelled at the top, the middle, the bottom, and at the future itself; with a message and
// without. Each level reports what it caught; reprs of the whole chain right after the
// cancel() and once it settled; cancelling() of each level. Then the same chain where the
// middle level swallows the cancellation and returns, and where it re-raises a new error.

function show(label, obj) {
  print(label, String(obj));
}

const levelBody = aio.coroutine(async function level_body(name, aw, mode) {
  try {
    const r = await aw;
    print(name, "got", repr(r));
    return name + "(" + str(r) + ")";
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      print(name, "caught CancelledError", repr(str(e)));
      if (mode === "swallow" && name === "mid") return "mid swallowed";
      if (mode === "convert" && name === "mid") throw new ValueError("mid converted");
      throw e;
    }
    if (e instanceof ValueError) print(name, "caught ValueError", repr(str(e)));
    throw e;
  }
});

const level = aio.coroutine(async function level(name, aw, mode) {
  return await levelBody(name, aw, mode);
});

function state(t) {
  if (!t.done()) return "pending";
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return "exception " + repr(t.exception());
  return "result " + repr(t.result());
}

const runChain = aio.coroutine(async function run_chain(where, msg, mode = "plain") {
  print("== cancel", where, "msg", repr(msg), "mode", mode);
  const loop = aio.getRunningLoop();
  const fut = loop.createFuture();
  const bot = aio.createTask(level("bot", fut, mode), { name: "bot" });
  const mid = aio.createTask(level("mid", bot, mode), { name: "mid" });
  const top = aio.createTask(level("top", mid, mode), { name: "top" });
  await aio.sleep(0);
  const target = { top, mid, bot, fut }[where];
  print("cancel ->", msg !== null ? target.cancel(msg) : target.cancel());
  show("top", top);
  for (let i = 0; i < 5; i++) await aio.sleep(0);
  for (const t of [bot, mid, top]) print(" ", t.getName(), state(t), "cancelling", t.cancelling());
  show("top settled", top);
  print(" fut", fut.cancelled() ? "cancelled" : fut.done() ? "done" : "pending");
  if (!fut.done()) fut.setResult("late");
});

const main = aio.coroutine(async function main() {
  for (const where of ["top", "mid", "bot", "fut"]) await runChain(where, "why-" + where);
  await runChain("mid", null);
  await runChain("top", "why", "swallow");
  await runChain("bot", "why", "swallow");
  await runChain("top", "why", "convert");
  await runChain("fut", null, "convert");
});

await aio.run(main);
