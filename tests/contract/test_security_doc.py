"""docs/security.rst is the security profile the code cites: complete and rendered."""
from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "security.rst"


def test_every_fault_code_is_in_the_security_profile():
    from discimus_service.codes import rows
    text = DOC.read_text()
    missing = [code for code, kind, _f, _m in rows()
               if kind == "SOAP fault" and code not in text]
    assert missing == [], f"docs/security.rst does not explain {missing}"


def test_the_security_profile_renders_without_warnings():
    import docutils.core
    import docutils.utils
    settings = {"report_level": docutils.utils.Reporter.WARNING_LEVEL,
                "halt_level": docutils.utils.Reporter.WARNING_LEVEL}
    docutils.core.publish_string(DOC.read_text(), writer="null",
                                 settings_overrides=settings)


def test_nothing_cites_a_security_document_that_is_not_there():
    tracked = subprocess.run(["git", "grep", "-l", "SECURITY.md", "--", ".",
                              ":!tests/contract/test_security_doc.py"],
                             capture_output=True, text=True, cwd=ROOT)
    assert tracked.returncode == 1, tracked.stdout or tracked.stderr    # 1: no match
    assert "docs/security.rst" in (ROOT / "README.rst").read_text()
