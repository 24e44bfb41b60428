import asyncio


def show(label, f):
    print(label, "done", f.done(), "cancelled", f.cancelled())


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


async def main():
    loop = asyncio.get_running_loop()

    f = loop.create_future()
    show("pending", f)
    f.set_result(42)
    show("finished", f)
    attempt("result", f.result)
    attempt("exception", f.exception)
    attempt("cancel", f.cancel)
    show("after cancel", f)
    attempt("result still", f.result)

    g = loop.create_future()
    g.set_exception(ValueError("bad value"))
    show("failed", g)
    attempt("exception", g.exception)
    attempt("result", g.result)
    attempt("cancel", g.cancel)

    h = loop.create_future()
    attempt("cancel with msg", lambda: h.cancel("stop it"))
    show("cancelled", h)
    attempt("result", h.result)
    attempt("exception", h.exception)
    attempt("result again", h.result)
    attempt("cancel again", h.cancel)

    k = loop.create_future()
    k.set_exception(ValueError)
    attempt("exception from class", k.exception)

    n = loop.create_future()
    n.set_result(None)
    attempt("None result", n.result)
    attempt("None exception", n.exception)

    print("await finished", await f)
    try:
        await g
    except ValueError as e:
        print("await failed raised", type(e).__name__, str(e))
    try:
        await h
    except asyncio.CancelledError as e:
        print("await cancelled raised", type(e).__name__, repr(str(e)))
    print("main still running")


asyncio.run(main())
