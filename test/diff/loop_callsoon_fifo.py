import asyncio

loop = asyncio.new_event_loop()
log = []

def cb(*args):
    print("cb", list(args))

def noarg():
    print("noarg")

def ret_value(x):
    print("ret_value", x)
    return x * 2  # the return value is ignored

def stopper():
    print("stopper")
    loop.stop()

handles = []
handles.append(loop.call_soon(cb))
handles.append(loop.call_soon(cb, 1))
handles.append(loop.call_soon(cb, 1, "two", None, 3.5))
handles.append(loop.call_soon(noarg))
handles.append(loop.call_soon(ret_value, 21))
handles.append(loop.call_soon(cb, [1, 2], True))
for i in range(5):
    handles.append(loop.call_soon(cb, "i", i))
handles.append(loop.call_soon(stopper))
handles.append(loop.call_soon(cb, "after stop, same iteration"))
print("handles", len(handles), all(isinstance(h, asyncio.Handle) for h in handles))
print("timer handles", any(isinstance(h, asyncio.TimerHandle) for h in handles))
print("cancelled", [h.cancelled() for h in handles[:3]])
print("running before", loop.is_running())
loop.run_forever()
print("running after", loop.is_running())
loop.close()
print("closed", loop.is_closed())
