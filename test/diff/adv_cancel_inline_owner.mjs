import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

// current_task() and cancellation counts inside a coroutine awaited from a coroutine awaited from
// a task: all of it runs in the one task. (aionode twin: a generator task awaits an async
// function, which awaits a generator coroutine: aionode runs each as an inline task.)

class Boom extends Error {
  constructor(m) {
    super(m ?? "");
    this.name = "Boom";
  }
}

const boom = aio.coroutine(function* () {
  yield* aio.sleep(0);
  throw new Boom("b");
});

const innermost = aio.coroutine(function* (main) {
  const me = aio.currentTask();
  print("innermost: current task is the task", me === main, me.getName());
  return "ok";
});

// async function awaited from a generator task, awaiting a generator coroutine
const middle = aio.coroutine(async function (main) {
  print("middle: current task is the task", aio.currentTask() === main);
  return await innermost(main);
});

const withTimeout = aio.coroutine(async function (main) {
  try {
    await aio.timeout(0, function* () {
      print("timeout body: cancelling before", main.cancelling());
      try {
        yield* aio.sleep(10);
      } catch (e) {
        if (e instanceof aio.CancelledError) print("timeout body cancelled, task cancelling", main.cancelling());
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError, cancelling", main.cancelling());
  }
  return "t";
});

const withGroup = aio.coroutine(async function (main) {
  await aio.taskGroup(function* (tg) {
    tg.createTask(boom());
    try {
      yield* aio.sleep(10);
    } catch (e) {
      if (e instanceof aio.CancelledError) print("group body cancelled, task cancelling", main.cancelling());
      throw e;
    }
  });
});

const taskBody = aio.coroutine(function* () {
  const main = aio.currentTask();
  print("result", yield* middle(main));
  print("result", yield* withTimeout(main));
  try {
    yield* withGroup(main);
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("ExceptionGroup", eg.errors.map((e) => str(e)), "cancelling", main.cancelling());
  }
});

await aio.run(function* () {
  const t = aio.createTask(taskBody(), { name: "worker" });
  yield* t;
});
