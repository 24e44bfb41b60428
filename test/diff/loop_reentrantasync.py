import asyncio

loop = asyncio.new_event_loop()
other = asyncio.new_event_loop()

def try_run(name, fn):
    try:
        fn()
        print(name, "ok")
    except RuntimeError as e:
        print(name, type(e).__name__, str(e))

def inside():
    print("inside, running", loop.is_running())
    try_run("run_forever again", loop.run_forever)
    f = loop.create_future()
    try_run("run_until_complete again", lambda: loop.run_until_complete(f))
    try_run("other.run_forever", other.run_forever)
    g = other.create_future()
    try_run("other.run_until_complete", lambda: other.run_until_complete(g))
    print("other running", other.is_running(), "loop still running", loop.is_running())
    print("f done", f.done(), "g done", g.done())
    loop.call_soon(after)

def after():
    print("the loop keeps going after the failed attempts")
    loop.stop()

loop.call_soon(inside)
loop.run_forever()
print("loop returned, running", loop.is_running())

# from a task: same errors
async def main():
    try_run("run_until_complete from a task", lambda: loop.run_until_complete(loop.create_future()))
    await asyncio.sleep(0.001)
    try_run("other loop from a task", other.run_forever)
    return "main done"

print(loop.run_until_complete(main()))

# once the first loop has returned, the other one can run
other.call_soon(print, "other runs now")
other.call_soon(other.stop)
other.run_forever()
other.close()
loop.close()
print("closed", loop.is_closed(), other.is_closed())
