"""axe-core checks shared by the browser tests (WCAG 2.2 A and AA)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}

axe = Axe()


def describe_violations(url, violations):
    """A report a developer can act on: rule id, impact, help text and every offending node."""
    lines = [f"{len(violations)} axe violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']} "
            f"[{violation['helpUrl']}]"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    target: {target}")
            if node.get("failureSummary"):
                summary = " ".join(node["failureSummary"].split())
                lines.append(f"      {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page, url):
    results = axe.run(page, options=AXE_OPTIONS).response
    checked = sum(len(results[kind]) for kind in ("passes", "violations", "incomplete"))
    assert checked > 0, f"axe checked no rules on {url}: was it injected?"
    violations = results["violations"]
    print(f"axe {url}: {checked} rules applied, {len(violations)} violations")
    if violations:
        pytest.fail(describe_violations(url, violations))
