"""Sector sweeps end to end over loopback (issue: sector-wide spot checks).

Four fixture LEPs (the sample site, the WordPress, spreadsheet and ModernGov fixtures, the last
with its council's committee site as a related site), one LEP whose server is down and one with
no website are swept three times through the CLI, with one real change before each later sweep:

1. the baseline;
2. the sample site's complaints page is replaced by a revised version: `lepcheck diff` and the
   dashboard must show exactly the findings that cited that page as changed, and nothing else;
3. the sample site's expenses policy is taken down: a must-rule that passed no longer does, so
   `sweep --fail-on-regression` exits 1.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from lepcheck.cli import main
from lepcheck.demo.server import SAMPLE_SITE_ROOT, sample_target, serve_site
from tests.browser import HOSTILE_MARKER, HOSTILE_SNIPPETS, render_in_chromium

SITES = Path(__file__).parents[1] / "sites"
AS_OF = sample_target()["as_of"]
AUDITED = ("amberdale", "wordpress", "spreadsheet", "moderngov")
COMPLAINTS = "governance/complaints/"
EXPENSES = "documents/policies/expenses-policy.pdf"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


@dataclass
class Sector:
    root: Path
    out: Path
    db: Path
    registry: Path
    urls: dict[str, str]
    sweeps: list[Run] = field(default_factory=list)
    reports: list[dict[str, dict[str, Any]]] = field(default_factory=list)  # per sweep, per LEP
    dashboards: list[Path] = field(default_factory=list)

    def cli(self, *args: str) -> Run:
        result = CliRunner().invoke(main, [*args, "--db", str(self.db)])
        return Run(result.exit_code, result.stdout, result.stderr)

    def sweep(self) -> None:
        run = self.cli(
            "sweep", "--registry", str(self.registry),
            "--only", ",".join([*AUDITED, "offline", "no-site"]),
            "--as-of", AS_OF, "--allow-private-network", "--delay", "0", "--out", str(self.out),
            "--fail-on-regression",
        )  # fmt: skip
        self.sweeps.append(run)
        self.reports.append(
            {
                lep: json.loads((self.out / lep / "report.json").read_text())
                for lep in AUDITED
                if (self.out / lep / "report.json").is_file()
            }
        )
        dashboard = self.root / f"dashboard-{len(self.sweeps)}"
        made = self.cli("dashboard", "--out", str(dashboard))
        assert made.code == 0, made.stderr
        self.dashboards.append(dashboard)

    def diff(self, lep: str) -> dict[str, Any]:
        run = self.cli("diff", "--target", lep, "--json")
        assert run.code == 0, run.stderr
        data: dict[str, Any] = json.loads(run.stdout)
        return data


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cited(report: dict[str, Any], path: str) -> set[str]:
    """Rules whose evidence cites the URL ending in `path`."""
    return {
        f["rule_id"]
        for f in report["findings"]
        if any(e["url"].endswith(path) for e in f["evidence"])
    }


@pytest.fixture(scope="module")
def sector(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sector]:
    root = tmp_path_factory.mktemp("sector")
    sites = root / "sites"
    shutil.copytree(SAMPLE_SITE_ROOT, sites / "amberdale")
    for name in ("wordpress", "spreadsheet", "moderngov"):
        shutil.copytree(SITES / name, sites / name)
    with (
        ExitStack() as amberdale_server,
        serve_site(sites / "wordpress") as wordpress,
        serve_site(sites / "spreadsheet") as spreadsheet,
        serve_site(sites / "moderngov" / "council") as council,
        serve_site(sites / "moderngov" / "lep", substitutions={"COUNCIL": council}) as moderngov,
    ):
        amberdale = amberdale_server.enter_context(serve_site(sites / "amberdale"))
        urls = {"amberdale": amberdale, "wordpress": wordpress, "spreadsheet": spreadsheet,
                "moderngov": moderngov, "council": council}  # fmt: skip
        registry = root / "leps.yaml"
        registry.write_text(
            yaml.safe_dump(
                {
                    "leps": [
                        {"id": "amberdale", "name": "Amberdale and Wolds LEP",
                         "website": amberdale},
                        {"id": "wordpress", "name": f"Thornvale {HOSTILE_SNIPPETS[0]} LEP",
                         "website": wordpress},
                        {"id": "spreadsheet", "name": "Marshgate and Fenley LEP",
                         "website": spreadsheet},
                        {"id": "moderngov", "name": "ModernGov LEP", "website": moderngov,
                         "related_sites": [council], "accountable_body": "Test County Council"},
                        {"id": "offline", "name": "Offline LEP",
                         "website": f"http://127.0.0.1:{closed_port()}/"},
                        {"id": "no-site", "name": "No Site LEP", "website": None},
                    ]
                }
            )
        )  # fmt: skip
        found = Sector(root=root, out=root / "sweep", db=root / "history.sqlite",
                       registry=registry, urls=urls)  # fmt: skip
        found.sweep()

        # 2. the complaints page is replaced by a revised version with a new Last-Modified
        page = sites / "amberdale" / COMPLAINTS / "index.html"
        html = page.read_text(encoding="utf-8")
        page.write_text(
            html.replace("</body>", "<p>You can also complain by telephone.</p></body>"),
            encoding="utf-8",
        )
        manifest_path = sites / "amberdale" / "manifest.json"
        manifest = json.loads(manifest_path.read_text())
        manifest["files"]["/" + COMPLAINTS] = {"last_modified": f"{AS_OF}T08:00:00Z"}
        manifest_path.write_text(json.dumps(manifest))
        # the server reads its manifest at start: restart it on the same port, as a site
        # deploying a new version would
        amberdale_server.close()
        port = int(amberdale.rstrip("/").rsplit(":", 1)[1])
        amberdale_server.enter_context(serve_site(sites / "amberdale", port=port))
        found.sweep()

        # 3. the expenses policy is taken down
        (sites / "amberdale" / EXPENSES).unlink()
        found.sweep()
        yield found


def league(sector: Sector) -> list[dict[str, str]]:
    with (sector.out / "league-table.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_first_sweep_reports_every_lep_and_survives_the_dead_one(sector: Sector) -> None:
    first = sector.sweeps[0]
    assert first.code == 0, first.stderr
    assert "Swept 6 LEP(s): 4 audited, 1 unreachable, 0 error, 1 skipped" in first.stdout
    summary = json.loads((sector.out / "sweep.json").read_text())  # the third sweep's now
    by_id = {e["id"]: e for e in summary["entries"]}
    assert by_id["offline"]["outcome"] == "unreachable"
    assert "could not" in by_id["offline"]["reason"]
    assert by_id["no-site"]["outcome"] == "skipped"
    assert "no website" in by_id["no-site"]["reason"]
    for lep in AUDITED:
        assert (sector.out / lep / "report.html").is_file()
        assert by_id[lep]["report"] == f"{lep}/report.html"
    # progress: not a terminal here, so one plain line per LEP as it finishes
    progress = first.stderr.splitlines()
    assert any(line.startswith("amberdale: score ") for line in progress)
    assert any(line.startswith("offline: unreachable: ") for line in progress)
    assert any(line.startswith("no-site: skipped: ") for line in progress)


def test_league_table_is_ranked_by_score(sector: Sector) -> None:
    rows = league(sector)
    audited = [r for r in rows if r["outcome"] == "audited"]
    assert [r["rank"] for r in audited] == ["1", "2", "3", "4"]
    scores = [float(r["score"]) for r in audited]
    assert scores == sorted(scores, reverse=True)
    assert {r["id"] for r in audited} == set(AUDITED)
    assert [r["outcome"] for r in rows[4:]] == ["skipped", "unreachable"] or [
        r["outcome"] for r in rows[4:]
    ] == ["unreachable", "skipped"]


def test_every_run_and_finding_is_in_the_database(sector: Sector) -> None:
    with sqlite3.connect(sector.db) as db:
        sweeps = db.execute("SELECT count(DISTINCT sweep_id) FROM runs").fetchone()[0]
        assert sweeps == 3
        outcomes = dict(
            db.execute("SELECT outcome, count(*) FROM runs GROUP BY outcome").fetchall()
        )
        assert outcomes == {"audited": 12, "unreachable": 3}
        for lep, report in sector.reports[0].items():
            run_id, score, digest, version = db.execute(
                "SELECT id, score, catalogue_digest, tool_version FROM runs "
                "WHERE target_id = ? ORDER BY id LIMIT 1",
                (lep,),
            ).fetchone()
            assert score == report["score"]["overall"]
            assert digest == report["ruleset"]["catalogue_digest"]
            assert version == report["tool"]["version"]
            stored = dict(
                db.execute("SELECT rule_id, status FROM findings WHERE run_id = ?", (run_id,))
            )
            assert stored == {f["rule_id"]: f["status"] for f in report["findings"]}


def test_the_related_council_site_was_crawled_for_the_moderngov_lep(sector: Sector) -> None:
    report = sector.reports[0]["moderngov"]
    cited_urls = {e["url"] for f in report["findings"] for e in f["evidence"]}
    searched = {u for f in report["findings"] for u in f["searched"]}
    assert any(u.startswith(sector.urls["council"]) for u in cited_urls | searched)


def test_a_replaced_page_shows_as_exactly_its_findings_changed(sector: Sector) -> None:
    assert sector.sweeps[1].code == 0, sector.sweeps[1].stderr
    expected = cited(sector.reports[0]["amberdale"], COMPLAINTS)
    assert expected  # the complaints page is evidence for at least POL-01
    with sqlite3.connect(sector.db) as db:
        first, second, _ = [r for (r,) in db.execute(
            "SELECT id FROM runs WHERE target_id = 'amberdale' ORDER BY id")]  # fmt: skip
    run = sector.cli("diff", str(first), str(second), "--json")
    assert run.code == 0, run.stderr
    diff = json.loads(run.stdout)
    assert {c["rule_id"] for c in diff["changed"]} == expected
    assert diff["new_failure"] == [] and diff["resolved"] == []
    for change in diff["changed"]:
        assert change["before_status"] == change["after_status"]
        assert change["before_fingerprint"] != change["after_fingerprint"]
    # and nothing changed for any other LEP between the first and second sweep
    with sqlite3.connect(sector.db) as db:
        for lep in AUDITED[1:]:
            a, b, _ = [r for (r,) in db.execute(
                "SELECT id FROM runs WHERE target_id = ? ORDER BY id", (lep,))]  # fmt: skip
            other = json.loads(sector.cli("diff", str(a), str(b), "--json").stdout)
            assert other["new_failure"] == other["resolved"] == other["changed"] == [], lep


def test_the_dashboard_shows_that_change_and_only_that(sector: Sector) -> None:
    page = (sector.dashboards[1] / "index.html").read_text(encoding="utf-8")
    changes = page[page.index('id="changes"') : page.index('id="trends"')]
    assert re.findall(r'id="changes-([a-z-]+)"', changes) == ["amberdale"]
    expected = cited(sector.reports[0]["amberdale"], COMPLAINTS)
    listed = set(re.findall(r'<span class="kind">Changed</span> ([A-Z]+-\d+)', changes))
    assert listed == expected
    first = (sector.dashboards[0] / "index.html").read_text(encoding="utf-8")
    assert "No finding changed" in first


def test_action_plan_is_carried_forward_between_sweeps(sector: Sector) -> None:
    before = {a["rule_id"]: a for a in sector.reports[0]["amberdale"]["action_plan"]}
    after = {a["rule_id"]: a for a in sector.reports[1]["amberdale"]["action_plan"]}
    assert set(after) == set(before)  # nothing resolved or newly failed
    assert {a["status"] for a in after.values()} == {"Ongoing"}
    assert all(after[r]["target_date"] == before[r]["target_date"] for r in after)


def test_a_lost_must_pass_fails_the_regression_check(sector: Sector) -> None:
    third = sector.sweeps[2]
    assert third.code == 1
    assert "lost a passing must-rule" in third.stderr
    assert "POL-05" in third.stdout
    row = {r["id"]: r for r in league(sector)}["amberdale"]
    assert "POL-05" in row["lost_must_passes"].split()
    assert all(not r["lost_must_passes"] for r in league(sector) if r["id"] != "amberdale")
    diff = sector.diff("amberdale")
    # the link is still there but answers 404: the rule cannot be assessed any more
    [pol05] = [c for c in diff["changed"] if c["rule_id"] == "POL-05"]
    assert (pol05["before_status"], pol05["after_status"]) == ("pass", "unknown")
    assert diff["new_failure"] == [] and diff["resolved"] == []


def test_history_shows_the_score_over_time(sector: Sector) -> None:
    run = sector.cli("history", "amberdale")
    assert run.code == 0, run.stderr
    lines = run.stdout.strip().splitlines()
    assert len(lines) == 5  # a heading, three runs and the trend
    assert lines[-1].startswith("score trend: ")
    scores = [float(line.split()[5]) for line in lines[1:4]]  # run, day, time, as of, framework
    assert scores == [sector.reports[i]["amberdale"]["score"]["overall"] for i in range(3)]
    offline = sector.cli("history", "offline")
    assert offline.stdout.count("unreachable:") == 3


def test_dashboard_pages_are_sorted_linked_and_script_free(sector: Sector) -> None:
    folder = sector.dashboards[2]
    pages = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.html")}
    assert set(pages) == {"index.html", "by-name.html", "by-coverage.html", "by-change.html",
                          "by-must-failures.html"}  # fmt: skip
    for name, html in pages.items():
        assert "<script" not in html, name  # the hostile LEP name is escaped, never markup
        assert "default-src 'none'" in html
        for href in re.findall(r'href="([^"#]+)">report</a>', html):
            assert (folder / href).resolve().is_file(), href
    order = re.findall(r'<tr id="lep-([a-z-]+)"', pages["by-name.html"])
    names = {"amberdale": "Amberdale", "wordpress": "Thornvale", "spreadsheet": "Marshgate",
             "moderngov": "ModernGov", "offline": "Offline"}  # fmt: skip
    assert [names[i] for i in order] == sorted(names[i] for i in order)
    by_score = re.findall(r'<tr id="lep-([a-z-]+)"', pages["index.html"])
    ranked = [r["id"] for r in league(sector) if r["outcome"] == "audited"]
    assert by_score[:4] == ranked and by_score[4] == "offline"


def test_dashboard_trends_and_heat_map_cover_every_sweep_and_rule(sector: Sector) -> None:
    page = (sector.dashboards[2] / "index.html").read_text(encoding="utf-8")
    trends = page[page.index('id="trends"') : page.index('id="heatmap"')]
    figures = trends.split("<figure>")[1:]
    categories = {f["category"] for f in sector.reports[2]["amberdale"]["findings"]}
    assert len(figures) == len(categories)
    for figure in figures:
        assert figure.count("<circle") == 3  # one point per sweep
    heat = page[page.index('id="heatmap"') :]
    rules = {f["rule_id"] for r in sector.reports[2].values() for f in r["findings"]}
    assert len(re.findall(r'<td class="s-[a-z_]+"', heat)) == len(rules) * len(AUDITED)
    pol05 = re.search(r'title="amberdale POL-05: ([a-z_]+)"', heat)
    assert pol05 is not None and pol05.group(1) == "unknown"


def test_dashboard_renders_in_chromium_without_running_a_script(sector: Sector) -> None:
    render = render_in_chromium(sector.dashboards[1] / "index.html")
    assert not render.script_ran
    assert render.not_blank
    assert "dashboard" in render.title
    assert "League table" in render.body_text
    assert "Amberdale and Wolds LEP" in render.body_text
    assert HOSTILE_MARKER in render.body_text  # shown as text
    assert "POL-01" in render.body_text
