import asyncio


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


async def work():
    print("work runs")
    await asyncio.sleep(0)
    print("work ends")
    return "w"


async def main():
    t = asyncio.create_task(work())
    attempt("set_result on task", lambda: t.set_result(1))
    attempt("set_exception on task", lambda: t.set_exception(ValueError("no")))
    print("done", t.done())
    print("awaited", await t)
    attempt("set_result on done task", lambda: t.set_result(2))
    attempt("result", t.result)


asyncio.run(main())
