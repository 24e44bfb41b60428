/**
 * Coroutines: generator objects, and lazy coroutine objects made by coroutine(fn).
 *
 * A Coroutine holds a function and its arguments and runs none of the body until it is awaited
 * (`await coro` / `yield* coro`) or wrapped in a Task, as a Python coroutine object. It can be
 * awaited once.
 *
 *   yield* coro   (inside a generator task)
 *     generator body: delegates to the generator directly (exactly `yield from`)
 *     async body:     runs as an inline task of the awaiting task, so cancelling the awaiting
 *                     task reaches the aionode future the async body awaits
 *   await coro    (inside an async function or plain code)
 *     async body:     starts the function; its awaits belong to the awaiting task
 *     generator body: driven by an inline task whose first step runs at once
 */
import { RuntimeError } from "./errors.js";
import type { Future } from "./futures.js";
import { hooks } from "./loop.js";
import { rt } from "./internal/state.js";

const KIND_GEN = 0;
const KIND_ASYNC = 1;
/** Coroutine._bits: taken (awaited or wrapped in a task). */
const USED = 2;
/** Coroutine._bits: _args is the one argument itself, not an array. */
const ONE_ARG = 4;

const COROUTINE_FN = Symbol.for("aionode.coroutineFunction");
/**
 * The prototype of the functions coroutine() makes, carrying the COROUTINE_FN mark: a bound
 * one (`fn.bind(obj, 1)`) inherits its target's prototype, so it is a coroutine function too, as
 * bound generator and async functions are (Python's iscoroutinefunction() sees through
 * functools.partial and bound methods).
 */
const CoroutineFunctionPrototype = Object.create(Function.prototype, { [COROUTINE_FN]: { value: true } }) as object;

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor as Function;
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as Function;
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor as Function;

export function isGenerator(x: unknown): x is Generator<unknown, unknown, unknown> {
  return (
    typeof x === "object" &&
    x !== null &&
    (x as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === "Generator" &&
    typeof (x as Generator).next === "function"
  );
}

export class Coroutine<T = unknown> implements PromiseLike<T>, Iterable<unknown> {
  /** @internal */ readonly _fn: Function;
  /** @internal */ readonly _this: unknown;
  /** The arguments: an array, or with ONE_ARG the one argument itself (no array). @internal */
  _args: unknown;
  /** The kind (KIND_GEN or KIND_ASYNC) in bit 0, `used` in bit 1, ONE_ARG in bit 2. @internal */
  _bits: number;

  /** @internal `bits`: the kind, with ONE_ARG when `args` is the one argument itself. */
  constructor(fn: Function, thisArg: unknown, args: unknown, bits: number) {
    this._fn = fn;
    this._this = thisArg;
    this._args = args;
    this._bits = bits;
  }

  /** KIND_GEN or KIND_ASYNC. @internal */
  get _kind(): number {
    return this._bits & 1;
  }
  /** Awaited or wrapped in a task already (a coroutine runs once). @internal */
  get _used(): boolean {
    return (this._bits & USED) !== 0;
  }
  set _used(v: boolean) {
    this._bits = v ? this._bits | USED : this._bits & ~USED;
  }

  /** The function this coroutine runs. */
  get name(): string {
    return this._fn.name || "<anonymous>";
  }

  /** @internal */
  _take(): void {
    if (this._used) throw new RuntimeError("cannot reuse already awaited coroutine");
    this._used = true;
  }

  /** @internal Start the body: a generator object (generator kind) or the function's return value. */
  _start(): unknown {
    if ((this._bits & ONE_ARG) !== 0) return this._fn.call(this._this, this._args);
    return this._fn.apply(this._this, this._args as unknown[]);
  }

  /** @internal */
  get _isGen(): boolean {
    return this._kind === KIND_GEN;
  }

  [Symbol.iterator](): Iterator<unknown, T, unknown> {
    if (this._kind === KIND_GEN) {
      this._take();
      return this._start() as Iterator<unknown, T, unknown>;
    }
    // An async body awaited from a generator task runs as an inline task of that task (the
    // task takes the coroutine).
    return hooks.inlineTask!(this, rt.currentTask) as unknown as Iterator<unknown, T, unknown>;
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): PromiseLike<R1 | R2> {
    if (this._kind === KIND_ASYNC) {
      this._take();
      let p: unknown;
      try {
        p = this._start();
      } catch (e) {
        return Promise.reject(e).then(onFulfilled, onRejected);
      }
      return Promise.resolve(p as T).then(onFulfilled, onRejected);
    }
    const owner = rt.asyncTask;
    if (owner === null) {
      return (hooks.createTask!(this, hooks.currentLoop!(), undefined) as Future<T>).then(onFulfilled, onRejected);
    }
    const task = hooks.inlineTask!(this, owner) as Future<T>;
    // The inline task's first step may have opened a window of its own (an async body started
    // inside it): the owner's await of the inline task comes first, then that window goes on.
    const inner = rt.asyncTask;
    rt.asyncTask = owner;
    const p = task.then(onFulfilled, onRejected);
    if (inner !== owner) rt.asyncTask = inner;
    return p;
  }

  toString(): string {
    return `<coroutine ${this.name}()>`;
  }
}

export type CoroutineFunction<A extends unknown[], T> = ((...args: A) => Coroutine<T>) & {
  readonly [COROUTINE_FN]: true;
};

/**
 * Make a lazy coroutine function from a generator function or an async function, like
 * `@asyncio.coroutine` / `async def`: calling it returns a Coroutine and runs none of the body.
 */
export function coroutine<A extends unknown[], T>(
  fn: (...args: A) => Generator<unknown, T, any>,
): CoroutineFunction<A, T>;
export function coroutine<A extends unknown[], T>(fn: (...args: A) => PromiseLike<T> | T): CoroutineFunction<A, T>;
export function coroutine(fn: Function): Function {
  if (typeof fn !== "function") {
    throw new TypeError(`coroutine(): a generator function or async function was expected, got ${typeof fn}`);
  }
  if (fn instanceof AsyncGeneratorFunction) {
    throw new TypeError(`coroutine(): ${fn.name || "the function"} is an async generator function; use a generator function or an async function`);
  }
  if ((fn as unknown as Record<symbol, unknown>)[COROUTINE_FN] === true) return fn;
  const kind = fn instanceof GeneratorFunction ? KIND_GEN : KIND_ASYNC;
  const wrapper = function (this: unknown) {
    // One argument, the common case, is kept without an array (`arguments` is not materialized).
    const n = arguments.length;
    if (n === 1) return new Coroutine(fn, this, arguments[0], kind | ONE_ARG);
    const args = new Array<unknown>(n);
    for (let i = 0; i < n; i++) args[i] = arguments[i];
    return new Coroutine(fn, this, args, kind);
  };
  Object.defineProperty(wrapper, "name", { value: fn.name });
  Object.setPrototypeOf(wrapper, CoroutineFunctionPrototype);
  return wrapper;
}

/** Make a Coroutine that calls `fn(...args)` when awaited (generator functions run as generators). @internal */
export function lazyCall<T>(fn: Function, args: unknown[]): Coroutine<T> {
  if ((fn as unknown as Record<symbol, unknown>)[COROUTINE_FN] === true) {
    const c = fn(...args);
    if (c instanceof Coroutine) return c as Coroutine<T>;
  }
  return new Coroutine<T>(fn, undefined, args, fn instanceof GeneratorFunction ? KIND_GEN : KIND_ASYNC);
}

/**
 * Give an internal coroutine function the __qualname__ asyncio's has, which task reprs show
 * (`coro=<wait_for()>`, `coro=<Queue.get()>`); done once, when the module loads. @internal
 */
export function qualname<F extends Function>(fn: F, name: string): F {
  Object.defineProperty(fn, "name", { value: name });
  return fn;
}

/**
 * Mark the public functions and methods that are coroutine functions in asyncio (`sleep`,
 * `Lock.acquire`, `Queue.get`, ...) though they are plain functions returning a Coroutine, so
 * isCoroutineFunction() is true for them (and for their bound forms), as asyncio's
 * iscoroutinefunction() is; debug mode's callSoon() refuses them as it refuses any coroutine
 * function. Done once, when the module loads. @internal
 */
export function markCoroutineFunctions(...fns: Function[]): void {
  for (const fn of fns) Object.setPrototypeOf(fn, CoroutineFunctionPrototype);
}

/** Internal coroutines implemented as generator functions (sleep, wait, ...). @internal */
export function genCoroutine<T>(fn: Function, args: unknown[]): Coroutine<T> {
  return new Coroutine<T>(fn, undefined, args, KIND_GEN);
}

/** True for generator functions, async functions and functions made by coroutine(). */
export function isCoroutineFunction(f: unknown): boolean {
  return (
    typeof f === "function" &&
    (f instanceof GeneratorFunction ||
      f instanceof AsyncFunction ||
      (f as unknown as Record<symbol, unknown>)[COROUTINE_FN] === true)
  );
}

/** True for generator objects and Coroutine objects. */
export function isCoroutine(x: unknown): boolean {
  return x instanceof Coroutine || isGenerator(x);
}

export const COROUTINE_KIND = { GEN: KIND_GEN, ASYNC: KIND_ASYNC } as const;
