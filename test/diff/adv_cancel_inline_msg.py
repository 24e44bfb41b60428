# A cancel() that reaches a task while its step is already scheduled is recorded on the task
# itself (_must_cancel and the message). Here the task (t3) is inside `timeout()` + TaskGroup
# bodies when gather's cancel (message 'main1') arrives; it swallows the CancelledError and
# returns, and gather's CancelledError is then made from t3's recorded message.
import asyncio

async def kid():
    print("kid runs")

async def t3f():
    try:
        async with asyncio.timeout(0):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(kid())
        print("t3 body done")
    except asyncio.CancelledError as e:
        print("t3 cancelled", repr(e.args), asyncio.current_task().cancelling())
        return "swallowed"

async def t0f(t3):
    try:
        print("t0 gathered", await asyncio.gather(t3, return_exceptions=True))
    except asyncio.CancelledError as e:
        print("t0 cancelled", repr(e.args), asyncio.current_task().cancelling())
        raise

async def main():
    t3 = asyncio.create_task(t3f())
    t0 = asyncio.create_task(t0f(t3))
    for _ in range(3):
        await asyncio.sleep(0)
    print("cancel t0", t0.cancel("main1"))
    await asyncio.sleep(0)
    for _ in range(2):
        print("cancel t0 again", t0.cancel())
        await asyncio.sleep(0)
    r = await asyncio.gather(t0, t3, return_exceptions=True)
    print(type(r[0]).__name__, repr(str(r[0])), r[1])

asyncio.run(main())
