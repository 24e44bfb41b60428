import asyncio
import gc
import re

# A Future subclass: its reprs in every state carry the subclass name (also inside a task's
# wait_for= and as another future's result); its "exception was never retrieved" report names
# it; isfuture() is true; a task awaiting it calls the subclass's cancel() override when the task
# is cancelled, and a set_result() override sees the value the user passes.


class Holder(asyncio.Future):
    def cancel(self, msg=None):
        print("  Holder.cancel", repr(msg), "done", self.done())
        return super().cancel(msg)

    def set_result(self, result):
        print("  Holder.setResult", repr(result))
        super().set_result(["held", result])


class Quiet(asyncio.Future):
    pass


async def waiter(f):
    try:
        return await f
    except asyncio.CancelledError as e:
        print("  waiter cancelled", repr(str(e)))
        raise


def main():
    loop = asyncio.new_event_loop()
    loop.set_exception_handler(lambda lp, ctx: print("handler:", ctx["message"], repr(ctx["exception"]), repr(ctx.get("future"))))
    h = Holder(loop=loop)
    print(repr(h), asyncio.isfuture(h), h.get_loop() is loop)
    h.add_done_callback(print)
    print(repr(h))
    h.set_result(1)
    print(repr(h), h.result())
    loop.run_until_complete(asyncio.sleep(0))
    q = Quiet(loop=loop)
    q.cancel("quiet")
    print(repr(q))
    outer = loop.create_future()
    outer.set_result(q)
    print(repr(outer))

    h2 = Holder(loop=loop)
    t = loop.create_task(waiter(h2), name="holder-waiter")
    loop.run_until_complete(asyncio.sleep(0))
    print(re.sub(r" running at \S+:\d+", "", repr(t)))
    print("task cancel ->", t.cancel("stop it"))
    try:
        loop.run_until_complete(t)
    except asyncio.CancelledError as e:
        print("task cancelled", repr(str(e)), repr(h2))
    print("cancel done Holder ->", h2.cancel("again"))

    h3 = Holder(loop=loop)
    t3 = loop.create_task(waiter(h3))
    loop.run_until_complete(asyncio.sleep(0))
    loop.call_soon(h3.set_result, "via call_soon")
    print("t3 ->", loop.run_until_complete(t3))

    e = Quiet(loop=loop)
    e.set_exception(ValueError("nobody looked"))
    print(repr(e))
    del e
    gc.collect()
    loop.close()


main()
