import asyncio

# A crawler over a fake link graph: four workers take URLs from a Queue, fetch each under a
# Semaphore(2) and a per-fetch wait_for timeout, and enqueue the links they find (depth limit 2, a
# seen set, malformed links rejected with ValueError by the normaliser). Pages answer after a few
# sleep(0) ticks, raise ConnectionError (retried once, then recorded), or hang (their timeouts,
# 0.5 s and 1.4 s, are far apart; /headstrong's is 0.5 s from its start after /hang's); a page
# swallows its first cancellation and answers anyway (wait_for then returns the page). The trace
# shows fetch starts and ends in order, the peak concurrency inside the semaphore, the queue's
# join, the workers' shutdown, and the results table. A second crawl runs under
# asyncio.timeout(1.0) with a tarpit page: the deadline fires during join(), the workers are
# cancelled inside and outside the semaphore, and the semaphore is whole afterwards.
GRAPH = {
    "/": ["/a", "/b", "/c", "/a"],
    "/a": ["/a1", "/b", "/", "bad url", "/a2"],
    "/b": ["/hang", "/err", "/b1", "/flaky"],
    "/c": ["/c1", "/hang2", "/headstrong"],
    "/a1": ["/deep"], "/a2": [], "/b1": ["/a1"], "/c1": ["/deeper"], "/flaky": ["/f1"],
    "/headstrong": ["/s1"], "/tarpit": [], "/err": [], "/hang": [], "/hang2": [],
}
TICKS = {"/": 1, "/a": 2, "/b": 0, "/c": 3, "/a1": 1, "/a2": 0, "/b1": 2, "/c1": 1,
         "/flaky": 1, "/headstrong": 0}
TIMEOUT = {"/hang": 0.5, "/hang2": 1.4}
log = []
calls = {}

class ConnectionError_(Exception):
    pass

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

def r(x):
    s = repr(x)
    return s[s.index("["):]

def normalise(url):
    if not url.startswith("/") or " " in url:
        raise ValueError("malformed link %r" % url)
    return url

async def fetch(url):
    n = calls[url] = calls.get(url, 0) + 1
    if url in TIMEOUT or url == "/tarpit":
        await asyncio.sleep(30)
    if url == "/err":
        await asyncio.sleep(0)
        raise ConnectionError_("reset by %s (call %d)" % (url, n))
    if url == "/flaky" and n == 1:
        raise ConnectionError_("flaky first call")
    if url == "/headstrong":
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            log.append("/headstrong ignores the cancel")
            return ["/s1"]
    if url not in GRAPH:
        raise LookupError("404 %s" % url)
    for _ in range(TICKS.get(url, 0)):
        await asyncio.sleep(0)
    return GRAPH[url]

async def crawl(tag, start, workers=4, limit=2, max_depth=2):
    q = asyncio.Queue()
    sem = asyncio.Semaphore(limit)
    seen = {start}
    results = {}
    inside = []
    peak = [0]
    q.put_nowait((start, 0, 1))

    async def worker(w):
        while True:
            url, depth, attempt = await q.get()
            try:
                async with sem:
                    inside.append(url)
                    peak[0] = max(peak[0], len(inside))
                    log.append("%s> %s" % (w, url))
                    try:
                        links = await asyncio.wait_for(fetch(url), TIMEOUT.get(url, 0.5 if url == "/headstrong" else 5))
                    finally:
                        inside.remove(url)
            except asyncio.TimeoutError:
                results[url] = "timeout"
                log.append("%s< %s timeout" % (w, url))
            except ConnectionError_ as e:
                if attempt < 2:
                    log.append("%s< %s retry (%s)" % (w, url, e))
                    q.put_nowait((url, depth, attempt + 1))
                else:
                    results[url] = "error: %s" % e
                    log.append("%s< %s gave up" % (w, url))
            except LookupError as e:
                results[url] = str(e)
                log.append("%s< %s %s" % (w, url, e))
            else:
                results[url] = "%d links" % len(links)
                log.append("%s< %s %d links" % (w, url, len(links)))
                if depth < max_depth:
                    for link in links:
                        try:
                            link = normalise(link)
                        except ValueError as e:
                            log.append("%s skips %r" % (w, str(e)))
                            continue
                        if link not in seen:
                            seen.add(link)
                            q.put_nowait((link, depth + 1, 1))
            finally:
                q.task_done()

    ws = [asyncio.create_task(worker("w%d" % i), name="w%d" % i) for i in range(workers)]
    try:
        await q.join()
        print(tag, "joined, queue empty", q.empty())
    finally:
        flush(tag + " log")
        print(tag, "inside the semaphore now", inside, "qsize", q.qsize())
        for i, w in enumerate(ws):
            w.cancel("crawl over %d" % i)
        res = await asyncio.gather(*ws, return_exceptions=True)
        print(tag, "workers", [type(x).__name__ for x in res], "sem", r(sem), "peak", peak[0])
        for url in sorted(results):
            print("  %-10s %s" % (url, results[url]))
        print(tag, "seen", len(seen), "fetched", len(results), "calls", sorted(calls.items()))
    return results

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    res = await crawl("crawl1", "/")
    print("crawl1 took at least 1.4 s:", loop.time() - t0 >= 1.4, "pages", len(res))
    calls.clear()
    print("-- a crawl under timeout(1.0) with a tarpit")
    GRAPH["/"] = ["/tarpit", "/a", "/hang"]
    TICKS["/a"] = 40
    try:
        async with asyncio.timeout(1.0) as cm:
            await crawl("crawl2", "/", workers=3, limit=2, max_depth=1)
    except TimeoutError as e:
        print("crawl2 deadline:", type(e).__name__, repr(str(e)), "expired", cm.expired())
    print("current task cancelling", asyncio.current_task().cancelling())
    print("-- a crawl with one worker and limit 1 from a page that is not there")
    await crawl("crawl3", "/nowhere", workers=1, limit=1)
    print("loop still fine:", await asyncio.sleep(0, "yes"))

asyncio.run(main())
