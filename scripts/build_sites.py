"""Build the sample and fixture LEP websites from their specs in sitespecs/ (see its README).

    .venv/bin/python scripts/build_sites.py            # every site, into the repository
    .venv/bin/python scripts/build_sites.py wordpress  # only the sites named (spec folders)

Writes src/lepcheck/demo/site/ (the fictional Amberdale and Wolds LEP served by `lepcheck demo`)
and tests/sites/*/ (fixture LEPs in other styles), each with a manifest.json giving the
Last-Modified date the test server sends for every file. A bad spec stops the build with one
line naming the file and the field (exit status 1).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sitebuild import REPO, SPECS, SpecError, find_sites, load_site, write_site


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="spec folders to build, such as grid (all)")
    parser.add_argument("--specs", type=Path, default=SPECS, help="where the specs are")
    parser.add_argument("--out", type=Path, default=REPO, help="where each site's output is")
    options = parser.parse_args()
    folders = find_sites(options.specs)
    named = {folder.relative_to(options.specs).as_posix(): folder for folder in folders}
    unknown = sorted(set(options.names) - set(named))
    if unknown:
        print(
            f"no site {', '.join(unknown)} in {options.specs}: {', '.join(named)}", file=sys.stderr
        )
        return 2
    try:
        sites = [load_site(folder) for folder in [named[n] for n in options.names] or folders]
        for site in sites:  # all read first: a bad spec stops the build before it writes
            write_site(site, options.out / site.spec.output)
    except SpecError as error:  # named from the current folder, as make sites runs it
        print(str(error).removeprefix(f"{Path.cwd()}{os.sep}"), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
