import asyncio
import re

# Done callbacks that fail: set_result on their own done future (InvalidStateError), raising
# CancelledError (reported like any other error, not a cancellation), calling
# run_until_complete on the running loop, raising inside a callback added to an already done
# future; the handler sees each with the future in the message, the other callbacks still run,
# and the loop keeps working. A callback that stops the loop ends run_forever after the
# callbacks already queued.


def clean(s):
    return re.sub(r" at \S+:\d+", "", s)


def handler(lp, ctx):
    print("handler:", clean(ctx["message"]), "|", type(ctx.get("exception")).__name__, repr(clean(str(ctx.get("exception")))))


def set_again(f):
    print("set_again")
    f.set_result("again")


def raise_cancel(f):
    print("raise_cancel")
    raise asyncio.CancelledError("from a callback")


def nested_run(f):
    print("nested_run")
    f.get_loop().run_until_complete(asyncio.sleep(0))


def fine(f):
    print("fine", repr(f.result()))


def main():
    loop = asyncio.new_event_loop()
    loop.set_exception_handler(handler)
    f = loop.create_future()
    for cb in (set_again, fine, raise_cancel, nested_run, fine):
        f.add_done_callback(cb)
    f.set_result("first")
    loop.run_until_complete(asyncio.sleep(0))
    print("result kept", f.result())

    print("-- raising callback on a done future")
    f.add_done_callback(raise_cancel)
    f.add_done_callback(fine)
    loop.run_until_complete(asyncio.sleep(0))

    print("-- failed and cancelled futures")
    g = loop.create_future()
    g.add_done_callback(fine)
    g.add_done_callback(lambda fut: print("exception seen", repr(fut.exception())))
    g.set_exception(ValueError("g"))
    c = loop.create_future()
    c.add_done_callback(fine)
    c.cancel("c msg")
    loop.run_until_complete(asyncio.sleep(0))

    print("-- a callback stops the loop")
    s = loop.create_future()
    s.add_done_callback(lambda fut: print("before stop"))
    s.add_done_callback(lambda fut: loop.stop())
    s.add_done_callback(lambda fut: print("after stop, same batch"))
    loop.call_soon(s.set_result, None)
    loop.call_later(0.3, print, "never: timer")
    loop.run_forever()
    print("run_forever returned")
    loop.call_soon(print, "next run")
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()


main()
