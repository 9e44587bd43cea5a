"""Peak memory of reading one file, measured in a fresh subprocess.

The child reads the file with `extract_document` and prints what it read; the peak resident
memory is the child's own (PDFium and the parsers included) and that of any process it ran
and waited for (tesseract), as `getrusage` reports them (issue 11: one document in at most
1 GB).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

# Generous: what a reader needs is far below; what a bomb would take without bounds is far above.
ONE_GB = 1024

_CHILD = """
import json, resource, sys
from datetime import UTC, datetime
from lepcheck.extract.document import extract_document
from lepcheck.models import FetchRecord

path, content_type, setup = sys.argv[1], sys.argv[2], sys.argv[3]
exec(setup)
now = datetime(2024, 1, 1, tzinfo=UTC)
url = "https://lep.example/" + path.rsplit("/", 1)[-1]
record = FetchRecord(url=url, final_url=url, status=200, content_type=content_type,
                     fetched_at=now, first_seen=now)
with open(path, "rb") as file:
    doc = extract_document(record, file.read())
peak = max(resource.getrusage(who).ru_maxrss for who in
           (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"peak_mb": peak // 1024, "readable": doc.readable,
                  "unreadable_reason": doc.unreadable_reason,
                  "truncated_reason": getattr(doc, "truncated_reason", None),
                  "ocr": getattr(doc, "ocr", False),
                  "characters": len(doc.text), "pages": len(doc.pages)}))
"""


def read_in_child(path: Path, content_type: str, setup: str = "", timeout: float = 120) -> Any:
    """What reading `path` gave, and the peak memory it took (`peak_mb`). `setup` is Python run
    in the child first (to lower a limit, say)."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), content_type, setup],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
