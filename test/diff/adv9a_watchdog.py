import asyncio
import re

# A watchdog over workers: every heartbeat cancels the watchdog's timer and arms a new one
# (call_later); when heartbeats stop for 0.2 s the timer callback cancels the worker (from a
# callback: current_task() is None there) and the supervisor restarts it. Worker 1 stalls and is
# cancelled; worker 2 beats and finishes (its timer is cancelled, never fires); worker 3 swallows
# the first cancellation (uncancel) and stalls again, so the watchdog fires twice; a heartbeat
# callback that raises goes to the exception handler and the loop keeps going. Timer handles'
# cancelled() and reprs (deadline and arguments masked) are traced.
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

def hr(h):
    s = re.sub(r"when=[0-9.e+-]+", "when=W", repr(h))
    return re.sub(r"\(.*\)( at \S+)?>$", "(...)>", s.replace("main.<locals>.", ""))

async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, ctx: log.append("handler: %r" % ctx["exception"]))
    state = {"timer": None, "fired": 0, "beats": 0, "mine": 0}

    def expired(task, name):
        state["fired"] += 1
        log.append("watchdog fires for %s (current_task %s), cancel -> %s" % (
            name, asyncio.current_task(), task.cancel("watchdog: %s stalled" % name)))

    def beat(task, name):
        state["beats"] += 1
        state["mine"] += 1
        old = state["timer"]
        if old is not None:
            old.cancel()
        state["timer"] = loop.call_later(0.2, expired, task, name)
        if name == "w2" and state["mine"] == 2:
            raise ValueError("bad heartbeat from %s" % name)

    async def worker(name, plan):
        me = asyncio.current_task()
        resisted = False
        for step in plan:
            if step == "beat":
                loop.call_soon(beat, me, name)
                await asyncio.sleep(0)
            elif step == "stall":
                try:
                    await asyncio.sleep(5)
                except asyncio.CancelledError as e:
                    if name == "w3" and not resisted:
                        resisted = True
                        log.append("%s resists %r, uncancel -> %d" % (name, str(e), me.uncancel()))
                        continue
                    log.append("%s cancelled %r" % (name, str(e)))
                    raise
        t = state["timer"]
        if t is not None:
            t.cancel()
            log.append("%s done, timer cancelled=%s" % (name, t.cancelled()))
        return "%s finished" % name

    plans = {
        "w1": ["beat", "beat", "stall", "beat"],
        "w2": ["beat", "beat", "beat"],
        "w3": ["beat", "stall", "beat", "stall", "beat"],
    }
    for name, plan in plans.items():
        state["timer"] = None
        state["mine"] = 0
        t = asyncio.create_task(worker(name, plan), name=name)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print(name, "timer", hr(state["timer"]))
        try:
            print(name, "->", await t)
        except asyncio.CancelledError as e:
            print(name, "-> cancelled", repr(str(e)), "cancelling", t.cancelling())
        flush(name)
        h = state["timer"]
        print("   last timer cancelled", h.cancelled(), hr(h), "fired", state["fired"], "beats", state["beats"])
    await asyncio.sleep(0.3)
    flush("idle 0.3 s")
    print("fired", state["fired"], "alive", await asyncio.sleep(0, True))

asyncio.run(main())
