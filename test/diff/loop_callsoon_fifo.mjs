import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const loop = aio.newEventLoop();

function cb(...args) {
  print("cb", args);
}
function noarg() {
  print("noarg");
}
function retValue(x) {
  print("ret_value", x);
  return x * 2; // the return value is ignored
}
function stopper() {
  print("stopper");
  loop.stop();
}

const handles = [];
handles.push(loop.callSoon(cb));
handles.push(loop.callSoon(cb, 1));
handles.push(loop.callSoon(cb, 1, "two", null, 3.5));
handles.push(loop.callSoon(noarg));
handles.push(loop.callSoon(retValue, 21));
handles.push(loop.callSoon(cb, [1, 2], true));
for (let i = 0; i < 5; i++) handles.push(loop.callSoon(cb, "i", i));
handles.push(loop.callSoon(stopper));
handles.push(loop.callSoon(cb, "after stop, same iteration"));
print("handles", handles.length, handles.every((h) => h instanceof aio.Handle));
print("timer handles", handles.some((h) => h instanceof aio.TimerHandle));
print("cancelled", handles.slice(0, 3).map((h) => h.cancelled()));
print("running before", loop.isRunning());
await loop.runForever();
print("running after", loop.isRunning());
loop.close();
print("closed", loop.isClosed());
