import asyncio


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


async def work():
    await asyncio.sleep(0)
    return "w"


async def main():
    loop = asyncio.get_running_loop()

    f = loop.create_future()
    attempt("pending result", f.result)
    attempt("pending exception", f.exception)
    f.set_result(1)
    attempt("set_result twice", lambda: f.set_result(2))
    attempt("set_exception after result", lambda: f.set_exception(ValueError("x")))
    attempt("result kept", f.result)

    g = loop.create_future()
    g.set_exception(ValueError("first"))
    attempt("set_exception twice", lambda: g.set_exception(ValueError("second")))
    attempt("set_result after exception", lambda: g.set_result(3))
    attempt("exception kept", lambda: str(g.exception()))

    h = loop.create_future()
    h.cancel()
    attempt("set_result after cancel", lambda: h.set_result(4))
    attempt("set_exception after cancel", lambda: h.set_exception(ValueError("y")))

    t = asyncio.create_task(work())
    attempt("pending task result", t.result)
    attempt("pending task exception", t.exception)
    await t
    attempt("task result", t.result)


asyncio.run(main())
