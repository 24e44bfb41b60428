import asyncio
import re

# asyncio.run() at odd moments: callbacks main leaves queued keep running through run()'s
# shutdown phases (the cancellation of leftover tasks, shutdown_asyncgens,
# shutdown_default_executor: each a run_until_complete of its own), also when main raised; a main
# that stops the loop (run() raises 'Event loop stopped before Future completed.', main itself is
# cancelled at shutdown), closes it or runs it again (errors, main goes on); a failing callback
# during shutdown reaches main's exception handler; debug=True; run() of values that are not
# coroutines; get_running_loop() after each run.


def log(*args):
    print("  ", *args)


def chain(tag, n, last):
    log("chain", tag, n)
    if n < last:
        asyncio.get_running_loop().call_soon(chain, tag, n + 1, last)


def after_run():
    try:
        asyncio.get_running_loop()
        print("after run: a loop is running?")
    except RuntimeError as e:
        print("after run:", type(e).__name__, str(e))


def attempt(label, fn):
    try:
        r = fn()
        log(label, "->", r)
    except RuntimeError as e:
        log(label, "raised", type(e).__name__, str(e))


def run(label, main, **kw):
    print("--", label)
    try:
        print("result", repr(asyncio.run(main, **kw)))
    except (Exception, asyncio.CancelledError) as e:
        print("run raised", type(e).__name__, repr(str(e)))
    after_run()


async def returns_at_once():
    asyncio.get_running_loop().call_soon(chain, "a", 0, 6)
    log("main returns")
    return 1


run("main returns at once, a chain queued", returns_at_once())


async def background():
    try:
        await asyncio.sleep(10)
    finally:
        log("background finally (cancelled at shutdown)")
        asyncio.get_running_loop().call_soon(chain, "bg", 0, 2)


async def with_background():
    asyncio.get_running_loop().call_soon(chain, "b", 0, 9)
    asyncio.create_task(background())
    await asyncio.sleep(0)
    log("main returns after one sleep(0)")
    return 2


run("a background task cancelled at shutdown", with_background())


async def stops_loop():
    loop = asyncio.get_running_loop()
    loop.call_soon(chain, "s", 0, 5)
    loop.stop()
    log("main stopped the loop")
    try:
        await asyncio.sleep(0)
        log("never: main resumes")
    except asyncio.CancelledError:
        log("main cancelled at shutdown")
        raise


run("main stops the loop", stops_loop())


async def misuses_loop():
    loop = asyncio.get_running_loop()
    attempt("close()", loop.close)
    attempt("run_forever()", loop.run_forever)
    f = loop.create_future()
    attempt("run_until_complete(a future)", lambda: loop.run_until_complete(f))
    attempt("is_running()", loop.is_running)
    attempt("is_closed()", loop.is_closed)
    loop.call_soon(f.set_result, "f set")
    log("awaited", await f)
    return "misuse survived"


run("main misuses its loop", misuses_loop())


async def raises():
    asyncio.get_running_loop().call_soon(chain, "r", 0, 6)
    await asyncio.sleep(0)
    log("main raises")
    raise LookupError("main failed")


run("main raises, a chain queued", raises())


def boom(tag):
    raise ValueError(tag)


def handler(loop, ctx):
    log("handler:", re.sub(r" at \S+:\d+$", "", ctx["message"]), type(ctx["exception"]).__name__, str(ctx["exception"]))


async def handler_at_shutdown():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(chain, "h", 0, 1)
    loop.call_soon(lambda: loop.call_soon(lambda: loop.call_soon(boom, "late failure")))
    log("main returns")
    return 3


run("a callback fails during shutdown", handler_at_shutdown())


async def debug_flag():
    return asyncio.get_running_loop().get_debug()


run("debug=True", debug_flag(), debug=True)
run("debug=False", debug_flag(), debug=False)

for bad in (42, None, "main"):
    print("-- run(%r)" % (bad,))
    try:
        asyncio.run(bad)
    except (TypeError, ValueError) as e:
        print("rejected:", "was expected" in str(e))
    after_run()
