"""`python -m lepcheck` runs the command line."""

from lepcheck.cli import main

main()
