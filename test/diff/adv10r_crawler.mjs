import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// A crawler over a fake link graph: four workers take URLs from a Queue, fetch each under a
// Semaphore(2) and a per-fetch waitFor timeout, and enqueue the links they find (depth limit 2, a
// seen set, malformed links rejected with ValueError by the normaliser). Pages answer after a few
// sleep(0) ticks, raise ConnectionError (retried once, then recorded), or hang (their timeouts,
// 0.5 s and 1.4 s, are far apart; /headstrong's is 0.5 s from its start after /hang's); a page
// swallows its first cancellation and answers anyway (waitFor then returns the page). The trace
// shows fetch starts and ends in order, the peak concurrency inside the semaphore, the queue's
// join, the workers' shutdown, and the results table. A second crawl runs under timeout(1.0) with
// a tarpit page: the deadline fires during join(), the workers are cancelled inside and outside
// the semaphore, and the semaphore is whole afterwards.
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class LookupError extends Error { constructor(m) { super(m ?? ""); this.name = "LookupError"; } }
class ConnError extends Error { constructor(m) { super(m ?? ""); this.name = "ConnectionError_"; } }
const GRAPH = {
  "/": ["/a", "/b", "/c", "/a"],
  "/a": ["/a1", "/b", "/", "bad url", "/a2"],
  "/b": ["/hang", "/err", "/b1", "/flaky"],
  "/c": ["/c1", "/hang2", "/headstrong"],
  "/a1": ["/deep"], "/a2": [], "/b1": ["/a1"], "/c1": ["/deeper"], "/flaky": ["/f1"],
  "/headstrong": ["/s1"], "/tarpit": [], "/err": [], "/hang": [], "/hang2": [],
};
const TICKS = { "/": 1, "/a": 2, "/b": 0, "/c": 3, "/a1": 1, "/a2": 0, "/b1": 2, "/c1": 1, "/flaky": 1, "/headstrong": 0 };
const TIMEOUT = { "/hang": 0.5, "/hang2": 1.4 };
const log = [];
const calls = new Map();
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}
function r(x) {
  const s = String(x);
  return s.slice(s.indexOf("["));
}
function normalise(url) {
  if (!url.startsWith("/") || url.includes(" ")) throw new ValueError(`malformed link ${repr(url)}`);
  return url;
}
const sortedItems = (m) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => tuple(k, v));

const fetch = aio.coroutine(function* (url) {
  const n = (calls.get(url) ?? 0) + 1;
  calls.set(url, n);
  if (has(TIMEOUT, url) || url === "/tarpit") yield* aio.sleep(30);
  if (url === "/err") {
    yield* aio.sleep(0);
    throw new ConnError(`reset by ${url} (call ${n})`);
  }
  if (url === "/flaky" && n === 1) throw new ConnError("flaky first call");
  if (url === "/headstrong") {
    try {
      yield* aio.sleep(30);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      log.push("/headstrong ignores the cancel");
      return ["/s1"];
    }
  }
  if (!has(GRAPH, url)) throw new LookupError(`404 ${url}`);
  for (let i = 0; i < (TICKS[url] ?? 0); i++) yield* aio.sleep(0);
  return GRAPH[url];
});

const crawl = aio.coroutine(function* (tag, start, workers = 4, limit = 2, maxDepth = 2) {
  const q = new aio.Queue();
  const sem = new aio.Semaphore(limit);
  const seen = new Set([start]);
  const results = new Map();
  const inside = [];
  let peak = 0;
  q.putNowait([start, 0, 1]);

  const worker = aio.coroutine(function* (w) {
    while (true) {
      const [url, depth, attempt] = yield* q.get();
      try {
        let links;
        try {
          links = yield* sem.with(function* () {
            inside.push(url);
            peak = Math.max(peak, inside.length);
            log.push(`${w}> ${url}`);
            try {
              return yield* aio.waitFor(fetch(url), has(TIMEOUT, url) ? TIMEOUT[url] : url === "/headstrong" ? 0.5 : 5);
            } finally {
              inside.splice(inside.indexOf(url), 1);
            }
          });
        } catch (e) {
          if (e instanceof aio.TimeoutError) {
            results.set(url, "timeout");
            log.push(`${w}< ${url} timeout`);
          } else if (e instanceof ConnError) {
            if (attempt < 2) {
              log.push(`${w}< ${url} retry (${str(e)})`);
              q.putNowait([url, depth, attempt + 1]);
            } else {
              results.set(url, `error: ${str(e)}`);
              log.push(`${w}< ${url} gave up`);
            }
          } else if (e instanceof LookupError) {
            results.set(url, str(e));
            log.push(`${w}< ${url} ${str(e)}`);
          } else {
            throw e;
          }
          continue;
        }
        results.set(url, `${links.length} links`);
        log.push(`${w}< ${url} ${links.length} links`);
        if (depth < maxDepth) {
          for (let link of links) {
            try {
              link = normalise(link);
            } catch (e) {
              if (!(e instanceof ValueError)) throw e;
              log.push(`${w} skips ${repr(str(e))}`);
              continue;
            }
            if (!seen.has(link)) {
              seen.add(link);
              q.putNowait([link, depth + 1, 1]);
            }
          }
        }
      } finally {
        q.taskDone();
      }
    }
  });

  const ws = [...Array(workers).keys()].map((i) => aio.createTask(worker(`w${i}`), { name: `w${i}` }));
  try {
    yield* q.join();
    print(tag, "joined, queue empty", q.empty());
  } finally {
    flush(tag + " log");
    print(tag, "inside the semaphore now", inside, "qsize", q.qsize());
    ws.forEach((w, i) => w.cancel(`crawl over ${i}`));
    const res = yield* aio.gather(...ws, { returnExceptions: true });
    print(tag, "workers", res.map((x) => x.name), "sem", r(sem), "peak", peak);
    for (const url of [...results.keys()].sort()) print(`  ${url.padEnd(10)} ${results.get(url)}`);
    print(tag, "seen", seen.size, "fetched", results.size, "calls", sortedItems(calls));
  }
  return results;
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const t0 = loop.time();
  const res = yield* crawl("crawl1", "/");
  print("crawl1 took at least 1.4 s:", loop.time() - t0 >= 1.4, "pages", res.size);
  calls.clear();
  print("-- a crawl under timeout(1.0) with a tarpit");
  GRAPH["/"] = ["/tarpit", "/a", "/hang"];
  TICKS["/a"] = 40;
  let cm;
  try {
    yield* aio.timeout(1.0, function* (c) {
      cm = c;
      yield* crawl("crawl2", "/", 3, 2, 1);
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("crawl2 deadline:", e.name, repr(str(e)), "expired", cm.expired());
  }
  print("current task cancelling", aio.currentTask().cancelling());
  print("-- a crawl with one worker and limit 1 from a page that is not there");
  yield* crawl("crawl3", "/nowhere", 1, 1);
  print("loop still fine:", yield* aio.sleep(0, "yes"));
});
