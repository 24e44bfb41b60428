/**
 * The fork server that starts the differential tests' Python programs (helpers/pyfork.ts): each
 * program must see and leave the world as `python3 -S program.py args...` would, or the
 * differential traces would compare aionode with something other than CPython. Each case runs a
 * small program both ways and compares what it printed.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ownProcess, runPython } from "./helpers/pyfork.js";

const dir = mkdtempSync(join(tmpdir(), "aionode-pyfork-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function program(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

describe("the Python fork server", () => {
  it("runs a program as __main__, with its own argv and sys.path[0], and a fresh asyncio", async () => {
    const path = program(
      "main.py",
      [
        "import asyncio, os, sys",
        "print(__name__, __file__ == sys.argv[0], sys.argv[1:], sys.path[0] == os.path.dirname(os.path.abspath(__file__)))",
        "print(asyncio.events._get_running_loop(), asyncio.events.get_event_loop_policy()._local._loop)",
        "async def main():",
        "    await asyncio.sleep(0.01)",
        "    return [t.get_name() for t in asyncio.all_tasks()]",
        "print(asyncio.run(main()))",
        "print(hash('aionode'))",
      ].join("\n"),
    );
    const forked = await runPython(path, ["a", "b c"]);
    expect(forked).toBe(await ownProcess(path, ["a", "b c"]));
    expect(forked.split("\n")[0]).toBe("__main__ True ['a', 'b c'] True");
    expect(forked.split("\n")[2]).toBe("['Task-1']");
  });

  it("ends the program as the interpreter would: atexit handlers, threads joined, finalizers, buffered output", async () => {
    const path = program(
      "exit.py",
      [
        "import atexit, threading, time",
        "class Noisy:",
        "    def __del__(self):",
        "        print('finalized', flush=False)",
        "keep = Noisy()",
        "atexit.register(lambda: print('atexit ran'))",
        "def late():",
        "    time.sleep(0.05)",
        "    print('thread finished')",
        "threading.Thread(target=late).start()",
        "print('main done', end='')",
        "print()",
      ].join("\n"),
    );
    const forked = await runPython(path);
    expect(forked).toBe(await ownProcess(path));
    expect(forked).toBe("main done\nthread finished\natexit ran\nfinalized\n");
  });

  it("rejects with the status and the traceback when the program fails, or exits non-zero", async () => {
    const failing = program("fail.py", "print('before')\nraise ValueError('boom')\n");
    await expect(runPython(failing)).rejects.toThrow(/status 1:[\s\S]*ValueError: boom/);
    const exiting = program("exit3.py", "import sys\nsys.exit(3)\n");
    await expect(runPython(exiting)).rejects.toThrow(/status 3/);
  });

  it("runs programs side by side, each with its own output", async () => {
    const path = program("slow.py", "import sys, time\ntime.sleep(float(sys.argv[1]))\nprint('slept', sys.argv[1])\n");
    const outs = await Promise.all(["0.2", "0.05", "0.1"].map((d) => runPython(path, [d])));
    expect(outs).toEqual(["slept 0.2\n", "slept 0.05\n", "slept 0.1\n"]);
  });
});
