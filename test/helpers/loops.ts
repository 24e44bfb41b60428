/** Loops for tests: each test makes fresh ones, closed after it. */
import * as aio from "../../src/index.js";
import type { EventLoop } from "../../src/index.js";

const loops: EventLoop[] = [];

/** A new event loop, closed by closeFreshLoops() after the test. */
export function freshLoop(): EventLoop {
  const loop = aio.newEventLoop();
  loops.push(loop);
  return loop;
}

/** Close every loop freshLoop() made that is not running (call it in afterEach). */
export function closeFreshLoops(): void {
  for (const loop of loops.splice(0)) if (!loop.isRunning()) loop.close();
}

/** Run `body` as a generator task on `loop` until it completes. */
export function runGenOn<T>(loop: EventLoop, body: () => Generator<unknown, T, any>): Promise<T> {
  return loop.runUntilComplete<T>(loop.createTask<T>(body()));
}
