import asyncio

# A CancelledError subclass raised by a timeout() body: asyncio converts only the exact class
# into TimeoutError when the timeout expired (`exc_type is CancelledError`); the subclass
# propagates as it is, and the task's cancel request stays counted.


class MyCancel(asyncio.CancelledError):
    pass


async def main():
    me = asyncio.current_task()
    for mode in ("exact", "subclass", "subclass-no-expiry"):
        try:
            async with asyncio.timeout(0.01 if mode != "subclass-no-expiry" else None):
                try:
                    if mode == "subclass-no-expiry":
                        await asyncio.sleep(0)
                        raise MyCancel("sub")
                    await asyncio.sleep(1)
                except asyncio.CancelledError as e:
                    print(mode, "body caught", type(e).__name__, repr(str(e)))
                    if mode == "subclass":
                        raise MyCancel("sub")
                    raise
        except TimeoutError as e:
            print(mode, "-> TimeoutError, cause", type(e.__cause__).__name__)
        except asyncio.CancelledError as e:
            print(mode, "->", type(e).__name__, repr(str(e)))
        print(mode, "cancelling", me.cancelling())
        while me.cancelling():
            me.uncancel()
    print("loop alive", await asyncio.sleep(0, "yes"))


asyncio.run(main())
