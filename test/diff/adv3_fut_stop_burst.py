import asyncio
import time

# A burst of 3000 due timers that each keep the CPU busy for a few microseconds (so a loop that
# yields to its host between slices must do so in the middle of the burst); one of them calls
# stop() early, others cancel later timers of the same burst, schedule call_soon callbacks and
# past-deadline timers, and a Handle queued with call_soon before the run is cancelled by a timer
# although it runs earlier in the same iteration. Everything due when the iteration began still runs
# in it; what the burst schedules runs on the next run_forever().
loop = asyncio.new_event_loop()
out = []
N = 3000
T = []


def busy():
    end = time.perf_counter() + 4e-6
    while time.perf_counter() < end:
        pass


def tcb(i):
    busy()
    out.append(i)
    if i == 100:
        loop.stop()
    if i % 7 == 0 and i + 1000 < N:
        T[i + 1000].cancel()
    if i % 500 == 3:
        loop.call_soon(out.append, "soon%d" % i)
    if i % 600 == 5:
        loop.call_at(-9.0 + i * 1e-6, out.append, "past%d" % i)
    if i == 2999:
        S["late"].cancel()


S = {}
S["early"] = loop.call_soon(out.append, "early")
for i in range(N):
    T.append(loop.call_at(-5.0 + i * 1e-5, tcb, i))
S["late"] = loop.call_soon(out.append, "late-runs-before-its-canceller")
loop.call_soon(S["late"].cancel)
loop.run_forever()
nums = [x for x in out if isinstance(x, int)]
print("run 1:", len(out), out[:3], [x for x in out if isinstance(x, str)], "ints", len(nums), sum(nums), nums == sorted(nums))
print("cancelled flags", T[1000].cancelled(), T[1001].cancelled(), T[1007].cancelled(), T[2995].cancelled())
out.clear()
loop.call_soon(loop.stop)
loop.run_forever()
print("run 2:", out)
out.clear()
loop.call_soon(loop.stop)
loop.run_forever()
print("run 3:", out)
loop.close()
