import asyncio


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


class AppError(Exception):
    made = 0

    def __init__(self, *args):
        super().__init__(*args)
        AppError.made += 1


def cb(name):
    def done(f):
        if f.cancelled():
            try:
                f.result()
            except asyncio.CancelledError as e:
                print("cb", name, "cancelled with", repr(str(e)))
        else:
            print("cb", name, "exception", type(f.exception()).__name__, repr(str(f.exception())))
    return done


async def waiter(fut, label):
    try:
        v = await fut
        print(label, "got", v)
    except asyncio.CancelledError as e:
        print(label, "await raised CancelledError", repr(str(e)))
        raise
    except Exception as e:
        print(label, "await raised", type(e).__name__, repr(str(e)))
        return "handled"


async def main():
    loop = asyncio.get_running_loop()

    # cancel(msg) twice: the first message wins, the second call returns False
    f = loop.create_future()
    f.add_done_callback(cb("f"))
    print("cancel first", f.cancel("first"), "cancel second", f.cancel("second"))
    attempt("f.result", f.result)
    attempt("f.exception", f.exception)
    attempt("f.set_result", lambda: f.set_result(1))
    attempt("f.set_exception", lambda: f.set_exception(AppError))
    print("AppError instances made", AppError.made)

    # a non-string message is kept as given (str() of it)
    n = loop.create_future()
    n.cancel(12345)
    attempt("n.result", n.result)

    # cancel() of finished and failed futures
    r = loop.create_future()
    r.set_result("ok")
    print("cancel finished", r.cancel("late"), r.cancelled())
    x = loop.create_future()
    x.set_exception(AppError("x failed"))
    print("cancel failed", x.cancel(), x.cancelled())
    attempt("x.exception", lambda: type(x.exception()).__name__)

    # set_exception with a class: one instance, made at the call
    k = loop.create_future()
    k.add_done_callback(cb("k"))
    before = AppError.made
    k.set_exception(AppError)
    print("instances made by set_exception(class)", AppError.made - before)
    e1 = k.exception()
    print("same instance each time", e1 is k.exception(), "str", repr(str(e1)))

    # set_exception(CancelledError ...) finishes the future, it does not cancel it
    c1 = loop.create_future()
    c1.add_done_callback(cb("c1"))
    c1.set_exception(asyncio.CancelledError("as an exception"))
    print("c1 done", c1.done(), "cancelled", c1.cancelled())
    attempt("c1.result", c1.result)
    c2 = loop.create_future()
    c2.set_exception(asyncio.CancelledError)
    attempt("c2.exception", lambda: repr(c2.exception()))

    # a task awaiting such a future ends cancelled (its coroutine raised CancelledError)
    c3 = loop.create_future()
    t = asyncio.create_task(waiter(c3, "t"))
    t.add_done_callback(cb("t"))
    await asyncio.sleep(0)
    c3.set_exception(asyncio.CancelledError("from the future"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("t done", t.done(), "cancelled", t.cancelled())
    attempt("t.result", t.result)
    attempt("t.result again", t.result)

    # a task awaiting a future failed with a class-made exception
    c4 = loop.create_future()
    t4 = asyncio.create_task(waiter(c4, "t4"))
    await asyncio.sleep(0)
    c4.set_exception(AppError)
    print("t4 ->", await t4)

    # a task awaiting a future cancelled with a message
    c5 = loop.create_future()
    t5 = asyncio.create_task(waiter(c5, "t5"))
    await asyncio.sleep(0)
    c5.cancel("msg for t5")
    try:
        await t5
    except asyncio.CancelledError as e:
        print("await t5 raised", repr(str(e)), "t5 cancelled", t5.cancelled())
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
