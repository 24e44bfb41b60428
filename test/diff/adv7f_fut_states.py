import asyncio

# result()/exception()/done()/cancelled() and the setters in every state of a bare future:
# pending, finished with a result, finished with an exception (a class given to set_exception
# becomes an instance; a CancelledError given to it is an exception, not a cancellation),
# cancelled with and without a message. Every setter on a done future raises InvalidStateError
# and changes nothing; cancel() of a done future returns False and keeps the old message.


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


def state(label, f):
    print(label, "done", f.done(), "cancelled", f.cancelled(), repr(f))
    attempt("  result", f.result)
    attempt("  exception", f.exception)
    attempt("  set_result", lambda: f.set_result("late"))
    attempt("  set_exception", lambda: f.set_exception(ValueError("late")))
    attempt("  set_exception class", lambda: f.set_exception(KeyError))
    attempt("  cancel", f.cancel)
    attempt("  cancel msg", lambda: f.cancel("late msg"))
    print("  after", f.done(), f.cancelled(), repr(f))
    attempt("  result again", f.result)


async def main():
    loop = asyncio.get_running_loop()
    p = loop.create_future()
    print("pending", p.done(), p.cancelled(), repr(p))
    attempt("  result", p.result)
    attempt("  exception", p.exception)
    attempt("  result twice", p.result)
    p.set_result(None)
    state("result None", p)

    r = loop.create_future()
    r.set_result([1, "two", None])
    state("result list", r)

    e = loop.create_future()
    err = ValueError("boom")
    e.set_exception(err)
    state("exception", e)
    print("  same object", e.exception() is err)

    k = loop.create_future()
    k.set_exception(KeyError)
    print("class given:", repr(k), type(k.exception()).__name__, repr(str(k.exception())))
    k2 = loop.create_future()
    k2.set_exception(asyncio.TimeoutError)
    print("TimeoutError class:", repr(k2), type(k2.exception()).__name__)

    ce = loop.create_future()
    ce.set_exception(asyncio.CancelledError("as exception"))
    state("CancelledError set as exception", ce)

    ce2 = loop.create_future()
    ce2.set_exception(asyncio.CancelledError)
    print("CancelledError class:", repr(ce2), ce2.cancelled(), repr(ce2.exception()))

    c0 = loop.create_future()
    print("cancel no msg ->", c0.cancel())
    state("cancelled", c0)

    c1 = loop.create_future()
    print("cancel msg ->", c1.cancel("the reason"))
    state("cancelled msg", c1)

    c2 = loop.create_future()
    print("cancel then cancel:", c2.cancel("first"), c2.cancel("second"))
    attempt("  message kept", c2.result)

    # a task awaiting each kind
    async def awaiter(f, label):
        try:
            v = await f
            print(label, "got", repr(v))
        except asyncio.CancelledError as x:
            print(label, "CancelledError", repr(str(x)))
        except Exception as x:
            print(label, "raised", type(x).__name__, repr(str(x)))

    for f, label in [(r, "r"), (e, "e"), (ce, "ce"), (c1, "c1"), (c0, "c0")]:
        await awaiter(f, label)
    w = loop.create_future()
    t = asyncio.ensure_future(awaiter(w, "w"))
    await asyncio.sleep(0)
    w.set_exception(asyncio.CancelledError("thrown in"))
    await t
    print("task", t.done(), t.cancelled())
    await asyncio.sleep(0)
    print("loop still works", await asyncio.sleep(0, "yes"))


asyncio.run(main())
