"""A fork server for the differential suite's Python originals.

Started once per test run (``python3 -S pyfork.py``, with the environment the originals need), it
imports asyncio and the other standard modules the originals use, then forks a child per request.
The child runs the program as ``python3 -S <path>`` would: the program's code runs in ``__main__``,
with ``sys.argv`` and ``sys.path[0]`` set as for a script, its stdout and stderr go to the files the
request names, and it ends by the interpreter's normal exit (atexit handlers, threads joined,
finalizers run), with the program's exit status. What is saved is the interpreter's start and the
import of asyncio: about 50 ms of CPU per program, over 500 programs.

Requests, one JSON object per line on stdin: {"id", "path", "args", "out", "err"} (args: the
program's command-line arguments, optional). Replies, one JSON object
per line on stdout: {"id", "pid"} once the child runs, then {"id", "code"} when it has ended (code
as ``os.waitstatus_to_exitcode``: negative for a signal). Nothing else is ever written to stdout.

Needs os.fork and os.pidfd_open (Linux); elsewhere it says so on stderr and exits with status 3,
and the caller starts each program in its own process instead.
"""

import json
import os
import selectors
import sys

try:
    os.close(os.pidfd_open(os.getpid()))  # present, and the kernel has it (Linux 5.3+)
    supported = hasattr(os, "fork")
except (AttributeError, OSError):
    supported = False
if not supported:
    sys.stderr.write("pyfork: needs os.fork and os.pidfd_open\n")
    sys.exit(3)

# What the originals import (their own imports then find them loaded).
import asyncio  # noqa: E402,F401
import builtins  # noqa: E402
import concurrent.futures  # noqa: E402,F401
import contextlib  # noqa: E402,F401
import contextvars  # noqa: E402,F401
import functools  # noqa: E402,F401
import gc  # noqa: E402,F401
import itertools  # noqa: E402,F401
import logging  # noqa: E402,F401
import math  # noqa: E402,F401
import random  # noqa: E402
import re  # noqa: E402,F401
import time  # noqa: E402,F401
import types  # noqa: E402
import warnings  # noqa: E402,F401


def run_child(req):
    """In the forked child: become `python3 -S <path>`. Never returns."""
    path = req["path"]
    fd = os.open(os.devnull, os.O_RDONLY)
    os.dup2(fd, 0)
    os.close(fd)
    for target, name in ((1, req["out"]), (2, req["err"])):
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, target)
        os.close(fd)
    random.seed()  # a fresh process would not share its parent's random state
    sys.argv[:] = [path] + list(req.get("args", []))
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    with open(path, "rb") as f:
        code = compile(f.read(), path, "exec")
    # A module of its own as __main__, as a fresh interpreter's: its globals are finalized at exit.
    main = types.ModuleType("__main__")
    main.__file__ = path
    main.__cached__ = None
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    # An exception from the program ends the interpreter as it would have ended the script: the
    # traceback on stderr, status 1 (SystemExit: its own status).
    exec(code, main.__dict__)
    raise SystemExit(0)


def serve():
    sel = selectors.DefaultSelector()
    stdin = sys.stdin.buffer
    sel.register(stdin.fileno(), selectors.EVENT_READ, None)
    out = sys.stdout
    pending = b""
    open_input = True
    children = 0
    while open_input or children:
        for key, _ in sel.select():
            if key.data is None:
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    sel.unregister(key.fd)
                    open_input = False
                    continue
                pending += chunk
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    if not line.strip():
                        continue
                    req = json.loads(line)
                    out.flush()
                    pid = os.fork()
                    if pid == 0:
                        sel.close()
                        run_child(req)
                    pidfd = os.pidfd_open(pid)
                    sel.register(pidfd, selectors.EVENT_READ, (req["id"], pid))
                    children += 1
                    out.write(json.dumps({"id": req["id"], "pid": pid}) + "\n")
                    out.flush()
            else:
                rid, pid = key.data
                sel.unregister(key.fd)
                os.close(key.fd)
                _, status = os.waitpid(pid, 0)
                children -= 1
                out.write(json.dumps({"id": rid, "code": os.waitstatus_to_exitcode(status)}) + "\n")
                out.flush()


serve()
