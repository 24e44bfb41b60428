import asyncio

# Many timers due in the same iteration (a batch): what they schedule for "now" (call_soon,
# call_later(0), call_at(a past deadline), call_at(their own when())) waits for the next
# iteration, behind the rest of the batch; cancelling a later sibling or re-scheduling it;
# the loop clock read inside the batch never goes back. Run with and without debug mode.
out = []
log = out.append


def run(debug):
    loop = asyncio.new_event_loop()
    loop.set_debug(debug)
    loop.slow_callback_duration = 100.0
    out.clear()
    times = []
    hs = {}

    def timer(name):
        times.append(loop.time())
        log(name)
        h = hs[name]
        if name == "T1":
            loop.call_soon(log, "soon-from-T1")
            loop.call_later(0, log, "later0-from-T1")
            loop.call_at(h.when(), log, "at-own-when-from-T1")
            loop.call_at(h.when() - 1000, log, "at-past-from-T1")
            loop.call_later(-0.5, log, "later-neg-from-T1")
        elif name == "T2":
            hs["T4"].cancel()
            log("T4 cancelled " + str(hs["T4"].cancelled()))
            # re-schedule T4's work under a new handle with the same past deadline
            loop.call_at(hs["T4"].when(), log, "T4-again")
        elif name == "T3":
            hs["T5"].cancel()
            hs["T5"] = loop.call_at(hs["T5"].when(), timer, "T5")
            log("T5 rescheduled")
        elif name == "T5":
            loop.call_soon(loop.stop)

    base = loop.time()
    # deadlines in the past, 1 ms apart, scheduled out of order
    for i in (3, 1, 5, 2, 4, 6):
        name = "T%d" % i
        hs[name] = loop.call_at(base - 1.0 + i * 0.001, timer, name)
    loop.call_soon(log, "first-soon")
    loop.run_forever()
    loop.run_until_complete(asyncio.sleep(0.003))
    print("debug" if debug else "plain", out)
    print("  clock never went back:", all(b >= a for a, b in zip(times, times[1:])), "reads", len(times))
    loop.close()


run(False)
run(True)
