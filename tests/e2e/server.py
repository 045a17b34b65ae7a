"""A real emulator in a subprocess: gunicorn on a free loopback port, stopped afterwards."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

BUSINESS_DATE = "2026-09-03"   # deadlines and visibility rules are date-driven


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class RunningServer:
    url: str
    pki_dir: Path
    database_url: str
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


def start_server(root: Path, database_url: str, *, workers: int = 2, threads: int = 1,
                 extra_env: dict | None = None, timeout: float = 90.0) -> RunningServer:
    port = free_port()
    env = {**os.environ, "DISCIMUS_DATABASE_URL": database_url,
           "DISCIMUS_PKI_DIR": str(root / "pki"), "DISCIMUS_BUSINESS_DATE": BUSINESS_DATE,
           **(extra_env or {})}
    log = root / "server.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "discimus_client.cli", "serve", "--init", "--host",
         "127.0.0.1", "--port", str(port), "--workers", str(workers), "--threads",
         str(threads)],
        env=env, cwd=root, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/", timeout=2) as response:
                if response.status == 200:
                    return RunningServer(url, root / "pki", database_url, process, log)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"server did not start in {timeout}s: {log.read_text()[-3000:]}")
