"""GitHub Actions workflow commands: escaping as the Actions toolkit does it, severities, and the
format chosen automatically inside GitHub Actions."""

from __future__ import annotations

import pytest
from cli_support import make_site

from ketalint.api import Report
from ketalint.cli import main
from ketalint.finding import Finding, Location
from ketalint.formatters.github import command, escape_data, escape_property, render


def test_data_escapes_percent_and_line_breaks_only():
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"


def test_property_also_escapes_colon_and_comma():
    assert escape_property("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext%3A a%2C b"


def test_percent_is_escaped_before_the_escapes_it_introduces():
    assert escape_data("%0A") == "%250A"


def test_command_for_an_info_finding_is_a_notice_with_every_property():
    finding = Finding(
        Location("posts/a,b:c.md", 3, 5, 3, 16, "cures 100%"),
        "demo.x", "overclaim", "info", "Says 100% cure\nreally", suggestion="may  help",
    )
    assert command(finding) == (
        "::notice file=posts/a%2Cb%3Ac.md,line=3,col=5,endLine=3,endColumn=16,title=ketalint demo.x"
        "::Says 100%25 cure%0Areally%0ASuggestion: may help"
    )


def test_related_places_are_listed_in_the_message():
    finding = Finding(
        Location("a.md", 1, 1, 1, 5, "four"), "demo.y", "contradiction", "error", "differs",
        related=(Location("b.md", 9, 2, 9, 5, "six"),),
    )
    assert command(finding).endswith("::differs%0ARelated: b.md:9:2: six")


def test_one_line_per_finding_with_the_severity_as_command():
    findings = [
        Finding(Location("a.md", n, 1, n, 2, "x"), "demo.z", "style", severity, "m")
        for n, severity in enumerate(("error", "warning"), 1)
    ]
    lines = render(Report(findings, 1, [], [])).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning"]


@pytest.fixture
def site(tmp_path, monkeypatch):
    make_site(tmp_path)
    (tmp_path / "post.md").write_text("It permanently rewires you.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(argv, capsys) -> str:
    with pytest.raises(SystemExit):
        main(["check", "post.md", *argv])
    return capsys.readouterr().out


def test_github_format_is_the_default_inside_github_actions(site, monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert _check([], capsys).startswith("::warning file=post.md,line=1,col=4,endLine=1,endColumn=23,")


def test_an_explicit_format_wins_inside_github_actions(site, monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert _check(["--format", "text"], capsys).startswith("post.md:1:4: warning [demo.forever]")


def test_text_is_the_default_outside_github_actions(site, monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert _check([], capsys).startswith("post.md:1:4: warning")
