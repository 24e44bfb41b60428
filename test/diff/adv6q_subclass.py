import asyncio

# Queue subclasses through asyncio's storage hooks: a queue that drops duplicates in _put()
# (put_nowait still counts an unfinished task and wakes a getter, which finds the queue empty
# and waits again at the back of the line), a queue whose _get() takes from the back (a LIFO
# made from a FIFO) bounded with waiting putters, and str() naming the subclass. The hooks'
# effects on qsize/empty/full/join and the hand-over between waiters.
class DedupQueue(asyncio.Queue):
    def _put(self, item):
        if item not in self._queue:
            self._queue.append(item)

class BackQueue(asyncio.Queue):
    def _get(self):
        return self._queue.pop()

async def spin(k):
    for _ in range(k):
        await asyncio.sleep(0)

async def main():
    log = []
    def flush(tag, q):
        print(tag, *log, "|", str(q), q.qsize(), q.empty(), q.full())
        log.clear()

    async def getter(q, name):
        try:
            v = await q.get()
        except asyncio.CancelledError:
            log.append((name, "cancelled"))
            raise
        log.append((name, "got", v))
        return v

    async def putter(q, name, v):
        await q.put(v)
        log.append((name, "put", v))

    print("-- dedup")
    q = DedupQueue(3)
    for x in ("a", "b", "a", "c", "b"):
        try:
            q.put_nowait(x)
            flush("put " + x, q)
        except asyncio.QueueFull:
            flush("QueueFull " + x, q)
    print(" got", [q.get_nowait() for _ in range(q.qsize())], str(q))
    gs = [asyncio.create_task(getter(q, "g%d" % i)) for i in range(3)]
    await spin(1)
    flush("three getters", q)
    q.put_nowait("x")
    q.put_nowait("x")
    flush("x twice", q)
    await spin(1)
    flush("tick1", q)
    q.put_nowait("y")
    q.put_nowait("x")
    await spin(1)
    flush("y and x", q)
    log.append(("cancel a finished getter", gs[2].cancel()))
    await spin(1)
    flush("after", q)
    for _ in range(9):
        try:
            q.task_done()
        except ValueError as e:
            flush("ValueError " + str(e), q)
            break
    j = asyncio.create_task(q.join())
    await spin(1)
    print(" join done", j.done())

    print("-- back queue")
    q = BackQueue(2)
    q.put_nowait(1)
    q.put_nowait(2)
    ps = [asyncio.create_task(putter(q, "p%d" % i, 10 + i)) for i in range(3)]
    await spin(1)
    flush("full, three putters", q)
    log.append(("got", q.get_nowait()))
    log.append(("got", q.get_nowait()))
    flush("two gets", q)
    await spin(1)
    flush("tick1", q)
    ps[2].cancel()
    log.append(("got", q.get_nowait()))
    flush("p2 cancelled, one get", q)
    await spin(2)
    flush("tick3", q)
    while not q.empty():
        log.append(("got", q.get_nowait()))
    await spin(2)
    flush("drained", q)
    print(" states", [("C" if p.cancelled() else "ok") if p.done() else "P" for p in ps])

asyncio.run(main())
