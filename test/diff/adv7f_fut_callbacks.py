import asyncio
import re

# Done callbacks of a bare future: duplicates (each registration runs), remove_done_callback
# counts (all registrations of the function, order of the rest kept), removal of a callback
# that is absent, removal from inside a running callback (too late: the others are already
# scheduled), a callback added inside another one (runs after the queued ones), a callback
# that raises (reported, the rest still run), callbacks added to a done future (scheduled at
# once), and the repr of the callback list as it changes.


def r(x):
    # the callbacks' reprs without their file locations and enclosing function
    return re.sub(r" at \S+\.py:\d+", "", str(x) if isinstance(x, str) else repr(x)).replace("main.<locals>.", "")


def main():
    loop = asyncio.new_event_loop()
    loop.set_exception_handler(lambda lp, ctx: print("handler:", r(ctx["message"]), repr(ctx.get("exception"))))
    f = loop.create_future()

    def a(fut):
        print("a", fut.result())

    def b(fut):
        print("b", fut.result())

    def c(fut):
        print("c", fut.result())

    def remover(fut):
        print("remover: remove a ->", fut.remove_done_callback(a), "remove c ->", fut.remove_done_callback(c))

    def adder(fut):
        print("adder adds c")
        fut.add_done_callback(c)

    def bad(fut):
        print("bad raises")
        raise ValueError("in callback")

    print("remove absent ->", f.remove_done_callback(a))
    for fn in [a, b, a, c, a, b]:
        f.add_done_callback(fn)
    print(r(f))
    print("remove a ->", f.remove_done_callback(a))
    print(r(f))
    print("remove a again ->", f.remove_done_callback(a))
    print("remove b ->", f.remove_done_callback(b))
    print(r(f))
    print("remove c ->", f.remove_done_callback(c))
    print(r(f))
    for fn in [remover, a, bad, adder, c, b]:
        f.add_done_callback(fn)
    print(r(f))
    loop.call_soon(print, "call_soon before result")
    f.set_result(1)
    loop.call_soon(print, "call_soon after result")
    print("done:", r(f))
    print("remove after done ->", f.remove_done_callback(a), f.remove_done_callback(remover))
    f.add_done_callback(b)
    print("added to done future:", r(f))
    loop.run_until_complete(asyncio.sleep(0))
    print("-- second round")
    loop.run_until_complete(asyncio.sleep(0))

    print("-- same callback on two futures, cancelled and failed")
    g = loop.create_future()
    h = loop.create_future()

    def show(fut):
        if fut.cancelled():
            print("show cancelled", r(fut))
        else:
            print("show", repr(fut.exception()))

    g.add_done_callback(show)
    h.add_done_callback(show)
    h.add_done_callback(show)
    print("remove from g ->", g.remove_done_callback(show), r(g))
    g.add_done_callback(show)
    h.set_exception(KeyError("k"))
    g.cancel("why")
    print(r(g), r(h))
    loop.run_until_complete(asyncio.sleep(0))

    print("-- remove the callback that a pending await uses")
    w = loop.create_future()

    async def waiter():
        try:
            print("waiter got", await w)
        except BaseException as e:
            print("waiter raised", type(e).__name__)

    t = loop.create_task(waiter())
    loop.run_until_complete(asyncio.sleep(0))
    print("w", r(w))
    w.add_done_callback(a)
    w.set_result("w!")
    loop.run_until_complete(t)
    print("t", t.done(), repr(t.result()))
    loop.close()


main()
