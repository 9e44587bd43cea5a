"""The whole pipeline against the sample LEP site over real loopback HTTP (issue 2, item 9).

The sample site's deliberate defects are documented in src/lepcheck/demo/DEFECTS.md; the
assertions below follow that document, not the tool's output.
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest

from lepcheck.audit import AuditResult, AuditSettings, Target, audit_and_write
from lepcheck.demo.server import SAMPLE_SITE_ROOT, sample_target, serve_site
from lepcheck.models import Report
from lepcheck.report.json_report import report_schema
from lepcheck.snapshot import Snapshot


@dataclass(frozen=True)
class Audited:
    result: AuditResult
    written: dict[str, Path]
    base_url: str = ""
    # Where the audit opened connections and which names it looked up, end to end.
    connected: tuple[object, ...] = ()
    looked_up: tuple[str, ...] = ()

    @property
    def report(self) -> Report:
        return self.result.report

    @property
    def snapshot_path(self) -> Path:
        return self.result.snapshot_path


@pytest.fixture(scope="module")
def demo_audit(tmp_path_factory: pytest.TempPathFactory) -> Audited:
    out = tmp_path_factory.mktemp("demo")
    sample = sample_target()
    connected: list[object] = []
    looked_up: list[str] = []
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(sock: socket.socket, address: object) -> None:
        connected.append(address)
        real_connect(sock, address)  # type: ignore[arg-type]

    def getaddrinfo(host: str, *args: object, **kwargs: object) -> object:
        looked_up.append(host)
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    with serve_site(SAMPLE_SITE_ROOT) as base_url, pytest.MonkeyPatch.context() as patch:
        settings = AuditSettings(
            out_dir=out,
            formats=("json", "html", "md", "csv", "junit"),
            as_of=date.fromisoformat(sample["as_of"]),
            allow_private_network=True,
            delay=0.0,
        )
        target = Target(id=sample["id"], name=sample["name"], url=base_url)
        patch.setattr(socket.socket, "connect", connect)
        patch.setattr(socket, "getaddrinfo", getaddrinfo)
        result, written = audit_and_write(target, settings)
    return Audited(result, written, base_url, tuple(connected), tuple(looked_up))


def findings(result: Audited) -> dict[str, dict[str, object]]:
    data = json.loads(result.written["json"].read_text())
    return {f["rule_id"]: f for f in data["findings"]}


def test_report_json_validates_against_the_committed_schema(demo_audit: Audited) -> None:
    data = json.loads(demo_audit.written["json"].read_text())
    schema = json.loads((Path(__file__).parents[2] / "schemas" / "report.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data == json.loads(json.dumps(data))  # plain JSON
    assert report_schema()["title"] == "Report"


def test_every_format_is_written(demo_audit: Audited) -> None:
    assert set(demo_audit.written) == {"json", "html", "md", "csv", "junit"}
    assert "<html" in demo_audit.written["html"].read_text()


def test_foundation_rules_get_the_status_the_sample_site_warrants(demo_audit: Audited) -> None:
    by_id = findings(demo_audit)
    assert by_id["ROI-01"]["status"] == "fail"  # defect (a)
    assert "Thomas Brightwell" in str(by_id["ROI-01"]["message"])
    assert by_id["COI-06"]["status"] == "fail"  # defect (b)
    assert any("2023-09-12-agenda.pdf" in m for m in by_id["COI-06"]["missing"])  # type: ignore[union-attr]
    assert by_id["COND-02"]["status"] == "pass"
    assert by_id["POL-02"]["status"] == "pass"
    assert any(e["url"].endswith("whistleblowing-policy.docx") for e in by_id["POL-02"]["evidence"])  # type: ignore[union-attr,index]
    assert by_id["FIN-01"]["status"] == "pass"
    assert any(e["url"].endswith(".xlsx") for e in by_id["FIN-01"]["evidence"])  # type: ignore[union-attr,index]


def test_every_pass_has_evidence_that_points_into_the_snapshot(demo_audit: Audited) -> None:
    snapshot = Snapshot.open(demo_audit.snapshot_path)
    hashes = {r.sha256 for r in snapshot.records()}
    for finding in findings(demo_audit).values():
        if finding["status"] != "pass":
            continue
        assert finding["evidence"], finding["rule_id"]
        for ev in finding["evidence"]:  # type: ignore[attr-defined]
            assert ev["url"] and ev["fetched_at"] and ev["locator"] and ev["quote"]
            assert ev["sha256"] in hashes
            archived = demo_audit.written["json"].parent / ev["archive"]
            assert archived.is_file()


def test_failures_list_what_was_searched(demo_audit: Audited) -> None:
    for finding in findings(demo_audit).values():
        if finding["status"] == "fail":
            assert finding["searched"], finding["rule_id"]


def test_snapshot_warc_opens_in_warcio(demo_audit: Audited) -> None:
    warcs = sorted(demo_audit.snapshot_path.rglob("*.warc.gz"))
    assert warcs
    done = subprocess.run(
        [str(Path(sys.executable).parent / "warcio"), "check", str(warcs[0])],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_on_the_stored_snapshot_reproduces_the_verdict(
    demo_audit: Audited, tmp_path: Path
) -> None:
    from lepcheck.audit import check_snapshot

    sample = sample_target()
    again = check_snapshot(
        demo_audit.snapshot_path,
        Target(id=sample["id"], name=sample["name"], url=demo_audit.report.target.url),
        AuditSettings(out_dir=tmp_path, as_of=demo_audit.report.as_of),
    )
    assert [(f.rule_id, f.status) for f in again.report.findings] == [
        (f.rule_id, f.status) for f in demo_audit.report.findings
    ]


def test_archived_evidence_is_named_by_its_hash_never_by_its_url(demo_audit: Audited) -> None:
    """No file path is derived from a URL: each archived copy is evidence/<sha256>.<ext>, the
    hash of its own bytes (README, Safety)."""
    folder = demo_audit.written["json"].parent / "evidence"
    files = sorted(folder.iterdir())
    assert files
    for path in files:
        assert re.fullmatch(r"[0-9a-f]{64}\.[a-z]+", path.name), path.name
        assert path.name.split(".")[0] == hashlib.sha256(path.read_bytes()).hexdigest()
    cited = {
        ev["archive"]
        for f in findings(demo_audit).values()
        for ev in f["evidence"]  # type: ignore[attr-defined]
    }
    assert cited <= {f"evidence/{p.name}" for p in files}


def test_an_audit_contacts_the_target_and_nothing_else(demo_audit: Audited) -> None:
    """Nothing is sent anywhere (README, Safety): from crawl to reports, every connection the
    audit opened went to the site it audits, and it looked up no other name."""
    target = urlsplit(demo_audit.base_url)
    assert demo_audit.connected, "the spy saw no connection: it is not where the crawler connects"
    assert set(demo_audit.connected) == {(target.hostname, target.port)}
    assert set(demo_audit.looked_up) <= {target.hostname}


# Each deliberate defect of the sample site (src/lepcheck/demo/DEFECTS.md, by its letter): the
# finding it must produce, and words the finding must name so that it is this defect.
DEFECT_FINDINGS: dict[str, tuple[str, str, str]] = {
    "a": ("ROI-01", "fail", "Thomas Brightwell"),
    "b": ("COI-06", "fail", "/documents/board/2023-09-12-agenda.pdf"),
    "c": ("MEET-01", "fail", "Board 2023-06-13: dated 2023-06-08"),
    "d": ("MEET-02", "fail", "25 clear working days after the meeting"),
    "e": ("BOARD-12", "fail", "diversity statement"),
    "f": ("ASSUR-02", "fail", "dated 2022-03-15"),
    "g1": ("ROI-06", "partial", "David Ellery: no household interests section"),
    "g2": ("ROI-06", "partial", "Mark Delaney: no household interests section"),
    "g3": ("ROI-07", "partial", "Gareth Moss: not signed"),
}
DEFECTS_MD = SAMPLE_SITE_ROOT.parent / "DEFECTS.md"


def listed_defects() -> dict[str, set[str]]:
    """The defects table of DEFECTS.md: each letter and the rules it should trip."""
    rows = re.findall(
        r"^\| (\w+) \| .* \| ([A-Z]+-\d+(?:, [A-Z]+-\d+)*) \|$", DEFECTS_MD.read_text(), re.M
    )
    return {letter: set(rules.split(", ")) for letter, rules in rows}


def test_every_listed_defect_is_a_finding_that_names_it(demo_audit: Audited) -> None:
    listed = listed_defects()
    assert set(listed) == set(DEFECT_FINDINGS), "DEFECTS.md and this test list other defects"
    by_id = findings(demo_audit)
    for letter, (rule_id, status, named) in DEFECT_FINDINGS.items():
        assert rule_id in listed[letter], letter
        finding = by_id[rule_id]
        said = " ".join([str(finding["message"]), *finding["missing"]])  # type: ignore[misc]
        assert finding["status"] == status, (letter, finding["message"])
        assert named in said, (letter, said)
