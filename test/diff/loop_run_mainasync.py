import asyncio

# asyncio.run: a new loop, run main to completion, cancel what is left, close the loop.
loops = []
cancelled_at_shutdown = []

async def background(name):
    try:
        print("background", name, "starts")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        cancelled_at_shutdown.append(name)  # the order follows a set: print it sorted
        raise

async def main(x):
    loop = asyncio.get_running_loop()
    loops.append(loop)
    print("main runs, loop running:", loop.is_running(), "task:", asyncio.current_task().get_name())
    asyncio.get_running_loop().create_task(background("b1"))
    asyncio.ensure_future(background("b2"))
    loop.call_later(10, print, "never: timer dropped at close")
    await asyncio.sleep(0.005)
    print("main returns")
    return x * 2

print("result", asyncio.run(main(21)))
print("cancelled at shutdown", sorted(cancelled_at_shutdown))
print("loop closed after run:", loops[0].is_closed(), "running:", loops[0].is_running())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("no running loop after run():", str(e))

async def failing():
    await asyncio.sleep(0.001)
    raise LookupError("main failed")

try:
    asyncio.run(failing())
except LookupError as e:
    print("run() raised", type(e).__name__, str(e))

# a second run gets a new loop
async def which():
    return asyncio.get_running_loop()

second = asyncio.run(which())
print("second run used a new loop:", second is not loops[0], second.is_closed())

# run() inside a running loop is an error
async def nested():
    c = which()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("nested run():", type(e).__name__, str(e).endswith("cannot be called from a running event loop"))
    c.close()
    return "nested done"

print(asyncio.run(nested()))
