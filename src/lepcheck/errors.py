"""Every error lepcheck shows a user, in one tree; each class knows the exit code it ends with.

Exit codes (design.md, "Contracts other tools rely on"):

    0  the command ran, whatever the findings
    1  a --fail-under, --fail-on or --fail-on-regression threshold was breached
    2  usage or configuration error: a bad option, rule, registry, waivers or attestation file,
       history database or snapshot folder
    3  the target could not be crawled at all (or held nothing an LEP audit can read)
  130  interrupted (Ctrl-C); anything already fetched is kept

The tree (as httpx's `_exceptions.py` lays out its own):

    LepcheckError
    ├── ThresholdError ................. 1
    ├── UsageError ..................... 2
    │   ├── RuleError                      a rule, framework or schema file
    │   │   └── InputFileError             a waivers or attestation file (file, line, field)
    │   │       └── StatementError         inputs that do not belong together
    │   ├── RegistryError                  an unknown LEP id or a malformed registry file
    │   ├── HistoryError                   the history database or a run id
    │   ├── UnknownArchiveError            (lepcheck.crawl.archive) --archive names no archive
    │   └── SnapshotError                  (lepcheck.snapshot.errors) not a usable snapshot
    │       ├── UnfinishedSnapshotError      its crawl did not finish (check --require-complete)
    │       └── DamagedRecordError           one record's bytes are damaged (that document only)
    └── TargetError .................... 3
        ├── CrawlError                     (lepcheck.crawl.errors) the crawl could not start
        │   ├── BlockedAddressError          the SSRF guard refused the address
        │   └── TargetUnreachableError       the start URL could not be fetched
        └── NoLepContentError              crawled, but no LEP governance content

The stage errors (crawl, snapshot) are declared beside their stage so that each stage stays
runnable alone; they subclass the classes here. Every message is one line naming the input and
what to do, so the command line prints it as it is.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_THRESHOLD = 1
EXIT_USAGE = 2
EXIT_UNREACHABLE = 3
EXIT_INTERRUPTED = 130


class LepcheckError(Exception):
    """Base of every error lepcheck reports to a user."""

    exit_code = EXIT_USAGE
    label = "error"  # the word after "lepcheck: " on stderr


class ThresholdError(LepcheckError):
    """The audit ran, but a threshold the user set was breached (--fail-under, --fail-on,
    --fail-on-regression)."""

    exit_code = EXIT_THRESHOLD
    label = "threshold breached"

    def __init__(self, message: str, label: str = "threshold breached") -> None:
        super().__init__(message)
        self.label = label


class UsageError(LepcheckError):
    """A mistake in what the user gave: an option, a file, an id."""

    exit_code = EXIT_USAGE


class RuleError(UsageError):
    """A rule, framework or schema problem, with the file and field in its one-line message."""


class InputFileError(RuleError):
    """A malformed waivers or attestation file: file, line and field in a one-line message.

    It is a RuleError because `lepcheck validate` checks these files beside the rules and
    reports both the same way.
    """


class StatementError(InputFileError):
    """The inputs do not belong together (another LEP's attestations, another day's report)."""


class RegistryError(UsageError):
    """An unknown id or a malformed registry file; the message names it and what to do."""


class HistoryError(UsageError):
    """The database is newer than this lepcheck, or a run id does not exist."""


class TargetError(LepcheckError):
    """The target could not be audited at all: nothing usable was collected."""

    exit_code = EXIT_UNREACHABLE


class NoLepContentError(TargetError):
    """The site was crawled but holds nothing an LEP governance audit can read."""
