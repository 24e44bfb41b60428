// Differential fuzzing, mixed-style twin of interp.py (read it first): generator and async-function
// code await each other, as NAMEmixed.mjs twins do. Even tasks and children run generator actors,
// odd ones async actors; every block body (timeout, TaskGroup, Lock, Semaphore, catch) runs its ops
// in the other style, awaited across kinds (an inline task). The same spec, the same trace.
//
// It is not written out a third time: this file takes the op code of the two other twins
// (interp.mjs, generator; interpasync.mjs, async), renames it (doOpG/runOpsG, doOpA/runOpsA), points
// each style's block bodies at the other style's runOps, and runs the result as a module. So an op
// added to both twins is fuzzed in the mixed style too.
import { readFileSync } from "node:fs";

const read = (name) => readFileSync(new URL(name, import.meta.url), "utf8");

/** The text of `src` from `start` up to (not including) `end`; both must be there. */
function section(src, start, end) {
  const i = src.indexOf(start);
  const j = src.indexOf(end, i);
  if (i < 0 || j < 0) throw new Error(`interpmixed: ${JSON.stringify(start)} .. ${JSON.stringify(end)} not found`);
  return src.slice(i, j);
}

/** Replace every `from` in `src`, which must occur. */
function rename(src, from, to) {
  if (!src.includes(from)) throw new Error(`interpmixed: ${JSON.stringify(from)} not found`);
  return src.split(from).join(to);
}

const gen = read("interp.mjs");
const asy = read("interpasync.mjs");
const ACTOR = "const actor = aio.coroutine(";
const RUN = "await aio.run(";

let genOps = section(gen, "function* doOp(name, op) {", ACTOR);
genOps = rename(genOps, "function* doOp(", "function* doOpG(");
genOps = rename(genOps, "function* runOps(", "function* runOpsG(");
genOps = rename(genOps, "yield* doOp(", "yield* doOpG(");
genOps = rename(genOps, "yield* runOps(name,", "yield* runOpsAC(name,"); // block bodies: async
genOps = rename(genOps, "tg.createTask(actor(child)", "tg.createTask(actorFor(child)");

let asyncOps = section(asy, "async function doOp(name, op) {", ACTOR);
asyncOps = rename(asyncOps, "async function doOp(", "async function doOpA(");
asyncOps = rename(asyncOps, "async function runOps(", "async function runOpsA(");
asyncOps = rename(asyncOps, "await doOp(", "await doOpA(");
asyncOps = rename(asyncOps, "await runOps(name,", "await runOpsGC(name,"); // block bodies: generators
asyncOps = rename(asyncOps, "tg.createTask(actor(child)", "tg.createTask(actorFor(child)");

let genActor = section(gen, ACTOR, RUN);
genActor = rename(genActor, "const actor =", "const actorG =");
genActor = rename(genActor, "yield* runOps(name, s.ops)", "yield* runOpsG(name, s.ops)");
let asyncActor = section(asy, ACTOR, RUN);
asyncActor = rename(asyncActor, "const actor =", "const actorA =");
asyncActor = rename(asyncActor, "await runOps(name, s.ops)", "await runOpsA(name, s.ops)");

// The generator twin's head (imports, state, formatting) and main; imports made absolute, since
// the module runs from a data: URL.
let head = gen.slice(0, gen.indexOf("function* doOp(name, op) {"));
head = rename(head, 'from "aionode"', `from ${JSON.stringify(import.meta.resolve("aionode"))}`);
head = rename(head, 'from "../diff/pyfmt.mjs"', `from ${JSON.stringify(new URL("../diff/pyfmt.mjs", import.meta.url).href)}`);
let main = gen.slice(gen.indexOf(RUN));
main = rename(main, "aio.createTask(actor(s)", "aio.createTask(actorFor(s)");
main = rename(main, 'yield* doOp("main", op)', 'yield* doOpG("main", op)');

const glue = `
const runOpsGC = aio.coroutine(runOpsG);
const runOpsAC = aio.coroutine(runOpsA);
const actorFor = (s) => (Number(s.name.slice(1)) % 2 === 0 ? actorG(s) : actorA(s));
`;

const source = [head, genOps, asyncOps, genActor, asyncActor, glue, main].join("\n");
await import(`data:text/javascript,${encodeURIComponent(source)}`);
