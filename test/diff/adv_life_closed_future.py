import asyncio

# Futures and tasks of a closed loop: completing a future that has callbacks raises 'Event loop
# is closed' (the future is done all the same, its callbacks are dropped); without callbacks it
# is fine; create_future still works, create_task does not; Task.cancel() fails at its waiter.
loop = asyncio.new_event_loop()
a = loop.create_future()
b = loop.create_future()
c = loop.create_future()
d = loop.create_future()
a.add_done_callback(lambda f: print("never: a cb1"))
a.add_done_callback(lambda f: print("never: a cb2"))
b.add_done_callback(lambda f: print("never: b cb"))
c.add_done_callback(lambda f: print("never: c cb"))


async def waiter():
    await d
    print("never: waiter resumes")


t = loop.create_task(waiter(), name="w")
loop.run_until_complete(asyncio.sleep(0))
print("t waiting", t.done(), "d pending", not d.done())
loop.close()


def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", r)
    except (RuntimeError, asyncio.InvalidStateError) as e:
        print(label, "raised", type(e).__name__, e)


attempt("1. a.set_result", lambda: a.set_result(1))
print("   a", a.done(), a.result())
attempt("   a.set_result again", lambda: a.set_result(2))
attempt("2. a.add_done_callback", lambda: a.add_done_callback(lambda f: print("never")))
attempt("3. b.set_exception", lambda: b.set_exception(ValueError("v")))
print("   b", b.done(), repr(b.exception()))
attempt("4. c.cancel", lambda: c.cancel("msg"))
print("   c", c.cancelled())
attempt("   c.cancel again", lambda: c.cancel())
e = None


def make():
    global e
    e = loop.create_future()
    return e.done()


attempt("5. create_future", make)
attempt("   e.add_done_callback (pending)", lambda: e.add_done_callback(lambda f: print("never: e cb")))
attempt("   e.remove_done_callback", lambda: e.remove_done_callback(print))
attempt("   e.set_result", lambda: e.set_result("ok"))
print("   e", e.result())
g = loop.create_future()
attempt("6. g.set_result (no callbacks)", lambda: g.set_result("fine"))
attempt("   g.result", lambda: g.result())
attempt("7. t.cancel", lambda: t.cancel("late"))
print("   t", t.done(), "cancelling", t.cancelling(), "| d cancelled", d.cancelled())
attempt("   t.cancel again", lambda: t.cancel("late2"))
print("   t", t.done(), "cancelling", t.cancelling())


async def coro():
    return 1


co = coro()
attempt("8. create_task", lambda: loop.create_task(co))
co.close()
attempt("9. run_until_complete(done future)", lambda: loop.run_until_complete(g))
seen = []
loop.set_exception_handler(lambda lp, ctx: seen.append(ctx["message"]))
attempt("10. call_exception_handler", lambda: loop.call_exception_handler({"message": "on a closed loop"}))
print("    handler saw", seen, "| get_exception_handler set", loop.get_exception_handler() is not None)
loop.set_exception_handler(None)
print("closed", loop.is_closed(), "running", loop.is_running())

# a fresh loop is unaffected
loop2 = asyncio.new_event_loop()
f2 = loop2.create_future()
f2.add_done_callback(lambda f: print("loop2 cb", f.result()))
f2.set_result("ok")
loop2.run_until_complete(asyncio.sleep(0))
loop2.close()
