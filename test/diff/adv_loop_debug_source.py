import asyncio

# In debug mode, the context of a callback that raised says where the callback was scheduled
# (asyncio: 'source_traceback'; aionode: 'sourceTraceback'), for call_soon and timer handles.
loop = asyncio.new_event_loop()
loop.set_debug(True)


def handler(lp, ctx):
    tb = ctx.get("source_traceback")
    print(ctx["message"].split(" at ")[0], "| has source traceback:", tb is not None and len(tb) > 0)


def boom(tag):
    raise ValueError(tag)


def from_callback():
    loop.call_soon(boom, "scheduled from a callback")


loop.set_exception_handler(handler)
loop.call_soon(boom, "call_soon")
loop.call_later(0, boom, "call_later")
loop.call_at(loop.time(), boom, "call_at")
loop.call_soon(from_callback)
loop.call_later(0.05, loop.stop)
loop.run_forever()
loop.close()
