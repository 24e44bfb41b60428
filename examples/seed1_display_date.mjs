// shared/seeds/001: display the current date/time for 5 seconds (scaled by SCALE), printed
// as Python's datetime.now() prints it.
import * as aio from "aionode";

const SCALE = 0.05;

function pyNow() {
  const d = new Date();
  const p = (n, w = 2) => String(n).padStart(w, "0");
  const micro = p(d.getMilliseconds() * 1000 + Math.floor((performance.now() * 1000) % 1000), 6);
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${micro}`;
}

const displayDate = aio.coroutine(async (loop) => {
  const endTime = loop.time() + 5.0 * SCALE;
  for (;;) {
    console.log(pyNow());
    if (loop.time() + 1.0 * SCALE >= endTime) break;
    await aio.sleep(1 * SCALE);
  }
});

const loop = aio.getEventLoop();
await loop.runUntilComplete(displayDate(loop));
loop.close();
