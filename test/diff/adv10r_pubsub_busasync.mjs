import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Async-function twin of adv10r_pubsub_bus.mjs.


// A pub/sub bus with a bounded queue per subscriber and a policy for full queues: drop the oldest
// message, drop the new one, or block the publisher (under waitFor(0.2): a subscriber stuck for
// longer is evicted). Subscribers are tasks reading their queue; handlers take a few sleep(0)
// ticks, one raises (the bus notices through a done callback and unsubscribes it), one gets stuck
// on an Event. Unsubscribe mid-stream either gracefully (a null sentinel: the subscriber drains
// what is queued first; when the queue is full the sentinel cannot go in and the bus cancels the
// task instead) or at once (cancel, the handler's finally runs). A wildcard subscriber sees every
// topic. Traced: every delivery in order, drops, publish() counts, the bus's state after each
// phase, flush() (join on every live queue under wait()), and the final teardown.
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(k) { super(`'${k}'`); this.name = "KeyError"; this.key = k; } }
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}

class Sub {
  constructor(name, topics, maxsize, policy, handler) {
    this.name = name;
    this.topics = topics;
    this.q = new aio.Queue(maxsize);
    this.policy = policy;
    this.handler = handler;
    this.dropped = [];
    this.got = [];
    this.task = null;
  }
}

class Bus {
  constructor() {
    this.subs = new Map();
    this.evicted = [];
  }

  subscribe(name, topics, maxsize = 2, policy = "drop_oldest", handler = null) {
    const sub = new Sub(name, new Set(topics), maxsize, policy, handler);
    sub.task = aio.createTask(this.run(sub), { name: "sub-" + name });
    sub.task.addDoneCallback((t) => this.ended(sub, t));
    this.subs.set(name, sub);
    return sub;
  }

  run(sub) {
    return aio.coroutine(async function () {
      while (true) {
        const msg = await sub.q.get();
        try {
          if (msg === null) {
            log.push(`${sub.name} got the sentinel`);
            return sub.got.length;
          }
          if (sub.handler !== null) await sub.handler(sub, msg);
          sub.got.push(msg);
          log.push(`${sub.name} <- ${msg}`);
        } finally {
          sub.q.taskDone();
        }
      }
    })();
  }

  ended(sub, t) {
    if (this.subs.get(sub.name) === sub) this.subs.delete(sub.name);
    if (t.cancelled()) {
      log.push(`${sub.name} ended cancelled`);
    } else if (t.exception() !== null) {
      this.evicted.push(sub.name);
      log.push(`${sub.name} died: ${repr(t.exception())}`);
    } else {
      log.push(`${sub.name} ended with ${repr(t.result())}`);
    }
  }

  unsubscribe(name, now = false) {
    const sub = this.subs.get(name);
    if (sub === undefined) throw new KeyError(name);
    this.subs.delete(name);
    if (now) return `cancel ${repr(sub.task.cancel(`unsubscribed ${name}`))}`;
    try {
      sub.q.putNowait(null);
      return "sentinel";
    } catch (e) {
      if (!(e instanceof aio.QueueFull)) throw e;
      sub.task.cancel(`queue full, ${name} cut off`);
      return "full, cancelled";
    }
  }

  publish(topic, msg) {
    const self = this;
    return aio.coroutine(async function () {
      let n = 0;
      for (const sub of [...self.subs.values()]) {
        if (!sub.topics.has(topic) && !sub.topics.has("*")) continue;
        if (sub.q.full()) {
          if (sub.policy === "drop_oldest") {
            const old = sub.q.getNowait();
            sub.q.taskDone();
            sub.dropped.push(old);
            log.push(`${sub.name} drops ${old}`);
          } else if (sub.policy === "drop_new") {
            sub.dropped.push(msg);
            log.push(`${sub.name} refuses ${msg}`);
            continue;
          } else {
            log.push(`publisher blocks on ${sub.name}`);
            try {
              await aio.waitFor(sub.q.put(msg), 0.2);
            } catch (e) {
              if (!(e instanceof aio.TimeoutError)) throw e;
              log.push(`${sub.name} evicted: stuck`);
              self.evicted.push(sub.name);
              self.subs.delete(sub.name);
              sub.task.cancel("stuck");
              continue;
            }
            n += 1;
            continue;
          }
        }
        sub.q.putNowait(msg);
        n += 1;
      }
      return n;
    })();
  }

  state() {
    return [...this.subs.values()].map((s) => `${s.name}:${s.q.qsize()}/${s.q.maxsize}`);
  }
}

await aio.run(async function () {
  const bus = new Bus();
  const stuck = new aio.Event();

  const slow = aio.coroutine(async function (sub, msg) {
    for (let i = 0; i < 3; i++) await aio.sleep(0);
  });
  const picky = aio.coroutine(async function (sub, msg) {
    await aio.sleep(0);
    if (msg === "t:3") throw new ValueError(`picky cannot handle ${msg}`);
  });
  const careful = aio.coroutine(async function (sub, msg) {
    try {
      await aio.sleep(0);
      await aio.sleep(0);
    } finally {
      log.push(`careful finally for ${msg}`);
    }
  });
  const stuckHandler = aio.coroutine(async function (sub, msg) {
    if (msg === "s:2") {
      log.push("stuck waits on an event");
      await stuck.wait();
    }
  });

  print("-- subscribers");
  bus.subscribe("fast", ["t"]);
  bus.subscribe("slow", ["t"], 2, "drop_oldest", slow);
  bus.subscribe("tail", ["t"], 1, "drop_new", slow);
  bus.subscribe("picky", ["t"], 5, "drop_new", picky);
  bus.subscribe("all", ["*"], 3, "block", slow);
  print("state", bus.state());

  print("-- a burst of five on t, then three on u");
  const counts = [];
  for (let i = 1; i < 6; i++) counts.push(await bus.publish("t", `t:${i}`));
  flush("burst");
  for (let i = 1; i < 4; i++) counts.push(await bus.publish("u", `u:${i}`));
  flush("u");
  print("publish counts", counts, "state", bus.state());
  for (let i = 0; i < 12; i++) await aio.sleep(0);
  flush("settled");
  for (const s of ["fast", "slow", "tail", "all"]) {
    const sub = bus.subs.get(s);
    print(s, "got", sub.got, "dropped", sub.dropped);
  }
  print("evicted", bus.evicted, "state", bus.state());
  print("publish to nobody ->", await bus.publish("nobody", "x"));

  print("-- unsubscribe mid-stream: a sentinel, a full queue, a cancel inside a handler");
  bus.subscribe("careful", ["v"], 4, "drop_new", careful);
  bus.subscribe("full", ["v", "w"], 1, "drop_new", slow);
  for (let i = 1; i < 4; i++) await bus.publish("v", `v:${i}`);
  await aio.sleep(0);
  print("publish w:1 ->", await bus.publish("w", "w:1"), "state", bus.state());
  flush("published v");
  print("unsubscribe fast ->", bus.unsubscribe("fast"));
  print("unsubscribe full ->", bus.unsubscribe("full"));
  print("unsubscribe careful now ->", bus.unsubscribe("careful", true));
  try {
    bus.unsubscribe("careful");
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("unsubscribe careful again ->", `KeyError(${repr(e.key)})`);
  }
  print("publish v after ->", await bus.publish("v", "v:4"));
  for (let i = 0; i < 6; i++) await aio.sleep(0);
  flush("unsubscribed");
  print("state", bus.state());

  print("-- a stuck subscriber with the block policy is evicted after 0.2 s");
  bus.subscribe("stuck", ["s"], 1, "block", stuckHandler);
  for (let i = 1; i < 5; i++) {
    const n = await bus.publish("s", `s:${i}`);
    log.push(`publish s:${i} -> ${n}`);
    await aio.sleep(0);
  }
  flush("stuck");
  print("evicted", bus.evicted, "state", bus.state());

  print("-- flush: join every live queue, 0.5 s at most");
  for (let i = 6; i < 9; i++) await bus.publish("t", `t:${i}`);
  const joins = new Map([...bus.subs.values()].map((s) => [aio.ensureFuture(s.q.join()), s.name]));
  const [done, pending] = await aio.wait([...joins.keys()], { timeout: 0.5 });
  flush("flushed");
  print("joined", [...done].map((f) => joins.get(f)).sort(), "pending", [...pending].map((f) => joins.get(f)).sort());

  print("-- teardown: sentinels for all");
  const names = [...bus.subs.keys()];
  const tasks = names.map((n) => bus.subs.get(n).task);
  print("unsubscribe", names.map((n) => tuple(n, bus.unsubscribe(n))));
  const res = await aio.gather(...tasks, { returnExceptions: true });
  await aio.sleep(0);
  flush("teardown");
  print("results", res, "subs left", bus.subs, "evicted", bus.evicted);
  print("loop still fine:", await aio.sleep(0, "yes"));
});
