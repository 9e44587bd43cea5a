"""A pytest fork server for mutation testing: the test command cosmic-ray runs per mutant.

Starting Python and importing pytest, pydantic, httpx, lxml and the other libraries lepcheck
uses costs more than most mutants' tests. The server imports those libraries once (never
lepcheck or the tests, which must be read afresh with the mutant on disk) and forks a child
per request; the child runs pytest and its exit status goes back to the client, which exits
with it. A client killed on timeout takes its child with it.

    python scripts/pytest_forkserver.py serve SOCKET     # started by scripts/mutate.py
    python scripts/pytest_forkserver.py run SOCKET -- PYTEST ARGS...   # cosmic-ray's command
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import sys

# Third-party libraries only: anything of lepcheck imported here would hide the mutant.
PRELOAD = (
    "pytest",
    "_pytest.assertion.rewrite",
    "hypothesis",
    "pydantic",
    "httpx",
    "bs4",
    "lxml.html",
    "lxml.etree",
    "jinja2",
    "yaml",
    "warcio",
    "holidays",
    "openpyxl",
    "docx",
    "pypdfium2",
    "jsonschema",
    "rich",
    "click",
    "protego",
    "defusedxml",
)


def serve(path: str) -> None:
    for name in PRELOAD:
        with contextlib.suppress(ImportError):
            __import__(name)
    if os.path.exists(path):
        os.unlink(path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    while True:
        connection, _ = server.accept()
        with connection:
            request = json.loads(connection.makefile().readline())
            status = run_child(request["cwd"], request["args"], connection)
            with contextlib.suppress(OSError):
                connection.sendall(f"{status}\n".encode())


def run_child(cwd: str, args: list[str], connection: socket.socket) -> int:
    child = os.fork()
    if child == 0:
        connection.close()
        os.chdir(cwd)
        sys.path.insert(0, cwd)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        import pytest

        os._exit(int(pytest.main(args)))
    while True:
        done, status = os.waitpid(child, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 1
        readable, _, _ = select.select([connection], [], [], 0.05)
        if readable and not connection.recv(1, socket.MSG_PEEK):
            os.kill(child, signal.SIGKILL)  # the client was killed (timeout): so is its child
            os.waitpid(child, 0)
            return 1


def run(path: str, args: list[str]) -> int:
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    client.sendall((json.dumps({"cwd": os.getcwd(), "args": args}) + "\n").encode())
    answer = client.makefile().readline().strip()
    return int(answer) if answer else 1


def main() -> int:
    command, path, *rest = sys.argv[1:]
    if command == "serve":
        serve(path)
        return 0
    return run(path, rest[1:] if rest[:1] == ["--"] else rest)


if __name__ == "__main__":
    sys.exit(main())
