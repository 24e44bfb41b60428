import asyncio

# set_exception(cls) instantiates the class: also for the base class Exception (JS: Error).
loop = asyncio.new_event_loop()

for name, cls in [("Exception", Exception), ("ValueError", ValueError)]:
    f = loop.create_future()
    f.set_exception(cls)
    exc = f.exception()
    print(name, "-> exception() is an instance:", isinstance(exc, BaseException), "| repr", repr(exc))
    try:
        f.result()
    except Exception as e:
        print(name, "-> result() raised an instance:", e is exc, type(e).__name__)


async def waiter(fut):
    try:
        await fut
    except Exception as e:
        print("await raised", type(e).__name__, "instance:", isinstance(e, BaseException))


g = loop.create_future()
loop.call_soon(g.set_exception, Exception)
loop.run_until_complete(waiter(g))
loop.close()
