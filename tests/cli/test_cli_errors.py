"""CLI contracts: exit codes and one-line errors, never a traceback (design.md, issue 2)."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.crawl.crawl_site_server import Reply, Site, serve

from lepcheck.cli import main
from lepcheck.demo.server import serve_site


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_error(stderr: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("lepcheck: error: ")
    assert "Traceback" not in stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# Refusals are proved on loopback servers that log every connection. Private ranges (10/8,
# 172.16/12, 192.168/16, 169.254/16) are held by the guard's own tests (tests/crawl/test_guard.py)
# without a connection: a CLI test that failed there would send traffic to a private range.
@pytest.fixture
def loopback_sites() -> Iterator[tuple[Site, Site]]:
    """An LEP-like site on 127.0.0.1 and one on 127.0.0.2, each logging every connection."""
    page = Reply(body=b"<html><title>LEP</title><body>Board</body></html>")
    first, second = Site(), Site()
    first.fallback = second.fallback = lambda path: page
    with serve(first) as one, serve(second, host="127.0.0.2") as two:
        yield one, two


def assert_nothing_received(*sites: Site) -> None:
    """Exit 3 also means "unreachable": only an empty server log proves the refusal."""
    for site in sites:
        assert site.log == [] and site.connections == 0, f"{site.base} received {site.log}"


@pytest.mark.parametrize("command", ["audit", "crawl"])
def test_loopback_target_is_refused_without_the_flag_before_any_request(
    command: str, loopback_sites: tuple[Site, Site], tmp_path: Path
) -> None:
    one, two = loopback_sites
    urls = [f"{one.base}/", f"http://localhost:{one.port}/", f"{two.base}/board/"]
    for url in urls:
        code, _, err = run(command, url, "--out", str(tmp_path / "out"), "--delay", "0")
        assert code == 3, url
        assert_one_line_error(err)
        assert "--allow-private-network" in err
    assert_nothing_received(one, two)
    assert not (tmp_path / "out" / "report.json").exists()


def test_a_related_site_on_loopback_is_refused_too(
    loopback_sites: tuple[Site, Site], tmp_path: Path
) -> None:
    one, two = loopback_sites
    code, _, err = run(
        "audit", f"{one.base}/", "--related-site", f"{two.base}/", "--out", str(tmp_path)
    )
    assert code == 3
    assert_one_line_error(err)
    assert_nothing_received(one, two)


def test_a_sweep_refuses_loopback_websites_of_its_registry(
    loopback_sites: tuple[Site, Site], tmp_path: Path
) -> None:
    one, two = loopback_sites
    registry = tmp_path / "registry.yaml"
    registry.write_text(
        "leps:\n"
        f"  - {{id: one-lep, name: One LEP, website: '{one.base}/', status: active}}\n"
        f"  - {{id: two-lep, name: Two LEP, website: '{two.base}/', status: active}}\n"
    )
    result = CliRunner().invoke(
        main,
        [
            *("sweep", "--registry", str(registry), "--only", "one-lep,two-lep"),
            *("--out", str(tmp_path / "sweep"), "--delay", "0"),
        ],
    )
    assert result.exit_code == 3, result.output  # no LEP could be audited at all
    assert_nothing_received(one, two)


def test_the_flag_lets_the_same_target_through(
    loopback_sites: tuple[Site, Site], tmp_path: Path
) -> None:
    """The control: with --allow-private-network the same server is asked, so the refusals
    above are the guard's and not a server that could not be reached."""
    one, _ = loopback_sites
    run("crawl", f"{one.base}/", "--out", str(tmp_path), "--delay", "0", "--allow-private-network")
    assert one.hits("/") == 1


def test_refused_connection_exits_3_with_one_line(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/"
    code, _, err = run(
        "audit", url, "--out", str(tmp_path), "--allow-private-network", "--delay", "0"
    )
    assert code == 3
    assert_one_line_error(err)


def test_site_with_no_lep_content_exits_3(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<html><head><title>Bakery</title></head><body><h1>Fresh bread</h1>"
        "<p>Sourdough and rolls baked daily.</p><a href='/cakes.html'>Cakes</a></body></html>"
    )
    (site / "cakes.html").write_text(
        "<html><title>Cakes</title><body><p>Lemon drizzle.</p></body></html>"
    )
    with serve_site(site) as base_url:
        code, _, err = run(
            "audit",
            base_url,
            "--out",
            str(tmp_path / "out"),
            "--allow-private-network",
            "--delay",
            "0",
        )
    assert code == 3
    assert_one_line_error(err)
    assert "no LEP governance content" in err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("audit", "https://lep.example/", "--as-of", "30/11/2023"), "--as-of"),
        (("audit", "https://lep.example/", "--format", "pdf"), "--format"),
        (("audit", "no-such-lep"), "unknown LEP id"),
        (("audit", "ftp://lep.example/"), "http"),
    ],
)
def test_bad_inputs_exit_2_naming_the_input(args: tuple[str, ...], needle: str) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert_one_line_error(err)
    assert needle in err


def test_unknown_id_suggests_nearest() -> None:
    code, _, err = run("audit", "new-anglai")
    assert code == 2 and "new-anglia" in err


BINDS_LEPS = "applies_to: [lep]\nbasis: guidance\nin_force: {until: 2024-03-31}\n"


def test_validate_names_file_and_field_of_a_broken_rule(tmp_path: Path) -> None:
    group = tmp_path / "pol"
    group.mkdir()
    (group / "POL-02.yaml").write_text(
        "id: POL-02\ntitle: Ensure a whistleblowing policy\nstatus: active\nseverity: must\n"
        "assessment: auto\nprovenance: P\ndescription: A whistleblowing policy is published here.\n"
        "rationale: Ney 7.1 asks every LEP to publish one.\ncheck: {kind: document_published, "
        "params: {document: {kinds: [whistleblowing_policy]}}}\nremediation: Publish the policy.\n"
        "references: [{title: Ney review, clause: '7.1'}]\nsince: 0.1.0\n" + BINDS_LEPS
    )
    code, _, err = run("validate", str(group / "POL-02.yaml"))
    assert code == 2
    assert_one_line_error(err)
    assert "POL-02.yaml" in err and "'title'" in err


def test_validate_rejects_bad_params(tmp_path: Path) -> None:
    group = tmp_path / "pol"
    group.mkdir()
    (group / "POL-02.yaml").write_text(
        "id: POL-02\ntitle: A whistleblowing policy is published\nstatus: active\nseverity: must\n"
        "assessment: auto\nprovenance: P\ndescription: A whistleblowing policy is published here.\n"
        "rationale: Ney 7.1 asks every LEP to publish one.\ncheck: {kind: document_published, "
        "params: {document: {kinds: [no_such_kind]}}}\nremediation: Publish the policy.\n"
        "references: [{title: Ney review, clause: '7.1'}]\nsince: 0.1.0\n" + BINDS_LEPS
    )
    code, _, err = run("validate", str(group / "POL-02.yaml"))
    assert code == 2 and "check.params.document.kinds" in err


def test_validate_names_the_field_of_reversed_in_force_dates(tmp_path: Path) -> None:
    group = tmp_path / "pol"
    group.mkdir()
    (group / "POL-02.yaml").write_text(
        "id: POL-02\ntitle: A whistleblowing policy is published\nstatus: active\nseverity: must\n"
        "assessment: auto\nprovenance: P\ndescription: A whistleblowing policy is published here.\n"
        "rationale: Ney 7.1 asks every LEP to publish one.\ncheck: {kind: document_published, "
        "params: {document: {kinds: [whistleblowing_policy]}}}\nremediation: Publish the policy.\n"
        "references: [{title: Ney review, clause: '7.1'}]\nsince: 0.1.0\napplies_to: [lep]\n"
        "basis: guidance\nin_force: {from: 2024-04-01, until: 2017-10-01}\n"
    )
    code, _, err = run("validate", str(group / "POL-02.yaml"))
    assert code == 2
    assert_one_line_error(err)
    assert "POL-02.yaml" in err and "field 'in_force'" in err and "reversed" in err


def test_validate_bundled_rules_is_clean() -> None:
    code, out, _ = run("validate")
    assert code == 0 and "rules" in out


def test_rules_lists_the_five_foundation_rules() -> None:
    code, out, _ = run("rules")
    assert code == 0
    for rule_id in ("ROI-01", "COND-02", "COI-06", "POL-02", "FIN-01"):
        assert rule_id in out


def test_rules_of_the_successor_framework_are_listed_with_their_sources() -> None:
    code, out, _ = run("rules", "--framework", "successor-2024")
    assert code == 0
    lines = out.splitlines()
    assert sum(1 for line in lines if line[:1].isupper()) == 59
    fwd = lines[lines.index(next(line for line in lines if line.startswith("FWD-03"))) + 1]
    assert "statute; binds upper-tier council, combined authority" in fwd
    assert "a council only if it operates executive arrangements" in fwd
    assert "from 2012-09-10" in fwd and "reg. 9(2)" in fwd
    assert "POL-02" not in out


def test_module_entry_point_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lepcheck", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "lepcheck" in done.stdout


def test_unknown_framework_fails_before_any_request(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><title>LEP</title><body>Board</body></html>")
    with serve_site(site) as base_url:
        code, _, err = run(
            "audit",
            base_url,
            "--framework",
            "nlgaf2019",
            "--allow-private-network",
            "--out",
            str(tmp_path / "out"),
        )
    assert code == 2
    assert_one_line_error(err)
    assert "unknown framework 'nlgaf2019'" in err and "nlgaf-2019" in err
    assert not (tmp_path / "out" / "snapshots").exists()  # nothing was crawled
