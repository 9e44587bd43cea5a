"""One audit, end to end: crawl -> snapshot -> extract -> site model -> verdict -> reports.

- run: `audit` (crawl, then check), `check_snapshot` (everything after the crawl, reading
  only), `audit_and_write`;
- documents: the snapshot read into classified documents;
- evidence: the reports written once, with offline copies of the evidence they cite;
- settings: what an audit is asked to do and what it gives back;
- inspect: what lepcheck makes of one document (`lepcheck inspect`).
"""

from lepcheck.audit.evidence import write_audit
from lepcheck.audit.run import audit, audit_and_write, check_snapshot, crawl_target
from lepcheck.audit.settings import AuditResult, AuditSettings
from lepcheck.inputs.registry import Target

__all__ = [
    "AuditResult",
    "AuditSettings",
    "Target",
    "audit",
    "audit_and_write",
    "check_snapshot",
    "crawl_target",
    "write_audit",
]
