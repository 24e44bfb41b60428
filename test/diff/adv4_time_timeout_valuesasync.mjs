import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// timeout()/timeout_at() with edge values (0, negative, -inf, tiny, inf, None, -0.0) and
// reschedule() to extreme deadlines: when(), the repr's rounded deadline, whether the expiry
// arrives before or after a callback the body scheduled right after entering, and after how many
// loop iterations (a call_soon ticker counts them).
const INF = Infinity;
const isTimeout = (e) => e instanceof aio.TimeoutError;
// repr() of a Python float
function fr(x) {
  if (x === null) return "None";
  if (x === INF) return "inf";
  if (x === -INF) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [m, e] = Math.abs(x).toExponential().split("e");
  const exp = Number(e);
  const digits = m.replace(".", "");
  if (exp < -4 || exp >= 16) return `${sign}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${sign}${int}.${frac === "" ? "0" : frac}`;
}

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const st = { n: 0, on: true };
  function tick() {
    st.n += 1;
    if (st.on) loop.callSoon(tick);
  }
  loop.callSoon(tick);
  await aio.sleep(0);

  print("-- deadlines that are already due");
  const makers = [
    ["timeout(0)", (b) => aio.timeout(0, b)],
    ["timeout(-1)", (b) => aio.timeout(-1, b)],
    ["timeout(-inf)", (b) => aio.timeout(-INF, b)],
    ["timeout(-0.0)", (b) => aio.timeout(-0, b)],
    ["timeout(1e-9)", (b) => aio.timeout(1e-9, b)],
    ["timeout(5e-324)", (b) => aio.timeout(5e-324, b)],
    ["timeout_at(now)", (b) => aio.timeoutAt(loop.time(), b)],
    ["timeout_at(-inf)", (b) => aio.timeoutAt(-INF, b)],
    ["timeout_at(-1e300)", (b) => aio.timeoutAt(-1e300, b)],
  ];
  for (const [label, make] of makers) {
    const n0 = st.n;
    const seen = [];
    let cm = null;
    try {
      await make(async function (c) {
        cm = c;
        loop.callSoon(() => seen.push(`callback sees expired=${cm.expired() ? "True" : "False"}`));
        await aio.sleep(INF);
      });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      print(label, "TimeoutError after ticks", st.n - n0, seen, repr(cm));
    }
  }

  print("-- deadlines that never come");
  for (const [label, make] of [
    ["timeout(None)", (b) => aio.timeout(null, b)],
    ["timeout(inf)", (b) => aio.timeout(INF, b)],
    ["timeout_at(inf)", (b) => aio.timeoutAt(INF, b)],
    ["timeout_at(None)", (b) => aio.timeoutAt(null, b)],
    ["timeout(1e300)", (b) => aio.timeout(1e300, b)],
  ]) {
    let cm = null;
    let r;
    await make(async function (c) {
      cm = c;
      print(label, "when", fr(cm.when()), repr(cm));
      await aio.sleep(0.002);
      r = await aio.sleep(0, "body done");
    });
    print(label, r, "expired", cm.expired(), repr(cm));
  }

  print("-- reschedule() to extreme and oddly rounded deadlines: repr rounds when to 3 places");
  let cm = null;
  await aio.timeout(null, async function (c) {
    cm = c;
    for (const w of [INF, 1e300, 2 ** 60, 1e16, 4503599627370495.5, 3e12 + 0.0625, 3e12 + 0.1875,
      1e15 + 0.25, 123456789012.3456, -INF, -1e300, -2.0005, -1.0005, -0.0005, -0.0625,
      -0.1875, -1234.5675, -1e-4, -0, -5e-324, null]) {
      cm.reschedule(w);
      print(" ", repr(cm), w !== null ? cm.when() === w : cm.when());
    }
    await aio.sleep(0.002);
  });
  print("survived all reschedules, expired", cm.expired());

  print("-- reschedule(inf) and (None) keep an expiring-soon timeout from firing");
  for (const w of [INF, null, 1e300]) {
    await aio.timeout(0, async function (c) {
      cm = c;
      cm.reschedule(w);
      await aio.sleep(0.002);
    });
    print(" ", fr(w), "expired", cm.expired());
  }

  print("-- reschedule into the past from inside a callback (not from the task)");
  let n0 = 0;
  try {
    await aio.timeout(INF, async function (c) {
      cm = c;
      loop.callSoon((w) => cm.reschedule(w), -INF);
      n0 = st.n;
      await aio.sleep(INF);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("TimeoutError after ticks", st.n - n0, repr(cm));
  }

  print("-- nested: inner timeout(0) inside outer timeout(inf), and the reverse");
  let outer = null;
  let inner = null;
  await aio.timeout(INF, async function (o) {
    outer = o;
    try {
      await aio.timeout(0, async function (i) {
        inner = i;
        await aio.sleep(INF);
      });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      print("inner TimeoutError", inner.expired(), outer.expired());
    }
  });
  print("outer done", outer.expired());
  try {
    await aio.timeout(-1, async function (o) {
      outer = o;
      await aio.timeout(INF, async function (i) {
        inner = i;
        await aio.sleep(INF);
      });
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("outer TimeoutError", inner.expired(), outer.expired(), repr(inner));
  }

  print("-- two already-due timeouts nested, both entered in the same step");
  try {
    await aio.timeout(-5, async function (o) {
      outer = o;
      await aio.timeout(0, async function (i) {
        inner = i;
        await aio.sleep(INF);
      });
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("TimeoutError: inner expired", inner.expired(), "outer expired", outer.expired());
  }

  st.on = false;
  await aio.sleep(0);
});
