import asyncio
import re

# Request/response over futures: clients put (id, payload, future) on the server's queue and wait
# for the future under wait_for; the server answers some at once, some after a few ticks, one
# never, fails one with an exception, and answers late to a client that already timed out (its
# future is cancelled: set_result raises InvalidStateError); timeouts and late answers are 500 ms
# apart. A client waits through shield() and collects the late answer afterwards; a client task
# is cancelled while waiting (its request future is cancelled with it); two clients wait on one
# future; done callbacks on a response future log in order and one is removed; wait_for(fut, 0)
# of a done future returns its result; reprs of request futures being waited on. Then the server
# crashes: its finally fails every pending request with ConnectionError, and the loop goes on.
log = []

def r(x):
    return re.sub(r" at \S+:\d+", "", repr(x))

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

async def main():
    loop = asyncio.get_running_loop()
    inbox = asyncio.Queue()
    pending = {}

    async def server():
        try:
            while True:
                rid, payload, fut = await inbox.get()
                pending[rid] = fut
                log.append("server got %d %r" % (rid, payload))
                if payload == "crash":
                    raise RuntimeError("server crashed on %d" % rid)
                if payload == "never":
                    continue
                if payload == "fail":
                    fut.set_exception(ValueError("bad request %d" % rid))
                    del pending[rid]
                    continue
                if payload.startswith(("slow", "late")):
                    loop.call_soon(log.append, "server defers %d" % rid)
                    asyncio.ensure_future(answer_later(rid, payload[:4], int(payload[4:])))
                    continue
                fut.set_result(payload.upper())
                del pending[rid]
        finally:
            log.append("server down, failing %s" % sorted(pending))
            for rid in sorted(pending):
                f = pending.pop(rid)
                if not f.done():
                    f.set_exception(ConnectionError("server died before answering %d" % rid))

    async def answer_later(rid, how, n):
        if how == "slow":
            for _ in range(n):
                await asyncio.sleep(0)
        else:
            await asyncio.sleep(n / 4)
        fut = pending.pop(rid, None)
        if fut is None:
            return
        try:
            fut.set_result("late answer %d" % rid)
            log.append("answered %d late" % rid)
        except asyncio.InvalidStateError as e:
            log.append("answer %d: InvalidStateError %r" % (rid, str(e)))

    def request(rid, payload):
        fut = loop.create_future()
        inbox.put_nowait((rid, payload, fut))
        return fut

    async def client(rid, payload, timeout, how="wait_for"):
        fut = request(rid, payload)
        try:
            if how == "shield":
                try:
                    r = await asyncio.wait_for(asyncio.shield(fut), timeout)
                except asyncio.TimeoutError:
                    log.append("client %d timed out behind shield, fut done=%s" % (rid, fut.done()))
                    r = await fut
                    log.append("client %d collected %r" % (rid, r))
                    return r
            else:
                r = await asyncio.wait_for(fut, timeout)
            log.append("client %d got %r" % (rid, r))
            return r
        except asyncio.TimeoutError:
            log.append("client %d timed out, fut cancelled=%s" % (rid, fut.cancelled()))
            return "timeout"
        except asyncio.CancelledError as e:
            log.append("client %d cancelled %r, fut cancelled=%s" % (rid, str(e), fut.cancelled()))
            raise
        except Exception as e:
            log.append("client %d error %s(%r)" % (rid, type(e).__name__, str(e)))
            return type(e).__name__

    t0 = loop.time()
    srv = asyncio.create_task(server(), name="server")
    print("-- a round of requests")
    cs = [asyncio.create_task(client(1, "ping", 2.5)),
          asyncio.create_task(client(2, "slow3", 2.5)),
          asyncio.create_task(client(3, "fail", 2.5)),
          asyncio.create_task(client(4, "late8", 1.0)),
          asyncio.create_task(client(5, "never", 2.5)),
          asyncio.create_task(client(6, "slow2", None)),
          asyncio.create_task(client(7, "late6", 0.5, "shield")),
          asyncio.create_task(client(8, "never", 25))]
    for tick in range(1, 6):
        await asyncio.sleep(0)
        if tick == 2:
            log.append("cancel client 8 -> %s" % cs[7].cancel("client gone"))
        flush("tick %d" % tick)
    for rid in (4, 5, 7):
        print("request %d:" % rid, r(pending.get(rid)))
    # timeouts and late answers are due at 0.5, 1.0, 1.5, 2.0 and 2.5 s; polls at 0.75, 1.25, ...
    # (deadlines counted from t0, so the polls do not drift)
    for poll in range(1, 6):
        await asyncio.sleep(max(0, t0 + 0.25 + 0.5 * poll - loop.time()))
        flush("poll %d" % poll)
    print("clients", [c.result() if not c.cancelled() else "cancelled" for c in cs])
    print("pending", sorted(pending))

    print("-- shared future, callbacks, wait_for(done, 0)")
    fut = request(20, "slow1")
    fut.add_done_callback(lambda f: log.append("cb1 sees %r" % f.result()))

    def cb2(f):
        log.append("cb2 (removed)")
    fut.add_done_callback(cb2)
    fut.add_done_callback(lambda f: log.append("cb3 sees done=%s" % f.done()))
    print("removed", fut.remove_done_callback(cb2), fut.remove_done_callback(cb2))

    async def shared(tag):
        r = await fut
        log.append("%s got %r" % (tag, r))
        return r

    a, b = asyncio.create_task(shared("A")), asyncio.create_task(shared("B"))
    print("gathered", await asyncio.gather(a, b))
    flush("shared")
    print("wait_for(done, 0) ->", await asyncio.wait_for(fut, 0))
    print("wait_for(done, -5) ->", await asyncio.wait_for(fut, -5))

    print("-- the server crashes with requests pending")
    f1, f2 = request(30, "never"), request(31, "never")
    f3 = request(32, "crash")
    f4 = request(33, "ping")
    try:
        await srv
    except RuntimeError as e:
        flush("server ended %s(%r)" % (type(e).__name__, str(e)))
    for f in (f1, f2, f3, f4):
        print("  ", "done" if f.done() else "pending", type(f.exception()).__name__ if f.done() else "", str(f.exception()) if f.done() else "")
    print("inbox left", inbox.qsize(), "alive", await asyncio.sleep(0, True))

asyncio.run(main())
