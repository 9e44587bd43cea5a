"""Sweep benchmark: a sector sweep of the four fixture LEPs over loopback, through the CLI as a
spot-check team would run it, with four workers and with one, at no delay and at 0.1 s.

    PYTHONPATH=src .venv/bin/python benchmarks/sweep.py [--runs 5] [--workers 4,1] [--delays 0,0.1]

The sample LEP (Amberdale) and the WordPress, spreadsheet and ModernGov fixture sites (the last
with its council's committee site as a related site) are served from tests/sites by the demo
server, each LEP about 60 documents. Each configuration is run --runs times; the figure quoted
is the median, with the range beside it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

import yaml

from lepcheck.demo.server import SAMPLE_SITE_ROOT, sample_target, serve_site

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.timing import machine, timed  # noqa: E402

SITES = REPO_ROOT / "tests" / "sites"
LEPS = ("amberdale", "wordpress", "spreadsheet", "moderngov")


def registry(urls: dict[str, str]) -> dict[str, object]:
    names = {
        "amberdale": "Amberdale and Wolds LEP",
        "wordpress": "Thornvale LEP",
        "spreadsheet": "Marshgate and Fenley LEP",
        "moderngov": "ModernGov LEP",
    }
    leps: list[dict[str, object]] = [
        {"id": lep, "name": name, "website": urls[lep]} for lep, name in names.items()
    ]
    leps[-1].update(related_sites=[urls["council"]], accountable_body="Test County Council")
    return {"leps": leps}


def sweep(root: Path, leps: Path, workers: int, delay: float) -> None:
    out = root / f"sweep-{workers}-{delay}"
    shutil.rmtree(out, ignore_errors=True)
    command = [
        *(sys.executable, "-m", "lepcheck", "sweep", "--registry", str(leps)),
        *("--only", ",".join(LEPS), "--as-of", str(sample_target()["as_of"])),
        *("--allow-private-network", "--delay", str(delay), "--workers", str(workers)),
        *("--out", str(out), "--db", str(root / "history.sqlite")),
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the sweep failed ({done.returncode}):\n{done.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", default="4,1", help="comma-separated worker counts")
    parser.add_argument("--delays", default="0,0.1", help="comma-separated delays in seconds")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as folder, ExitStack() as servers:
        root = Path(folder)
        sites = root / "sites"
        shutil.copytree(SAMPLE_SITE_ROOT, sites / "amberdale")
        for name in ("wordpress", "spreadsheet", "moderngov"):
            shutil.copytree(SITES / name, sites / name)
        urls = {name: servers.enter_context(serve_site(sites / name)) for name in LEPS[:3]}
        urls["council"] = servers.enter_context(serve_site(sites / "moderngov" / "council"))
        urls["moderngov"] = servers.enter_context(
            serve_site(sites / "moderngov" / "lep", substitutions={"COUNCIL": urls["council"]})
        )
        leps = root / "leps.yaml"
        leps.write_text(yaml.safe_dump(registry(urls)), encoding="utf-8")
        for delay in (float(d) for d in args.delays.split(",")):
            for workers in (int(w) for w in args.workers.split(",")):
                runs = timed(args.runs, lambda w=workers, d=delay: sweep(root, leps, w, d))
                print(f"{len(LEPS)} LEPs, {workers} workers, delay {delay:g} s: {runs.span()}")


if __name__ == "__main__":
    main()
