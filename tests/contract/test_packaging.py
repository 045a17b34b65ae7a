"""The distribution builds without setuptools warnings and carries its data files."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("setup.cfg", "pyproject.toml", "README.rst", "service", "client", "fixtures")


def test_the_wheel_builds_warning_free_with_its_data_files(tmp_path):
    source = tmp_path / "src"          # a copy: building in place would leave build/ here
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-build-isolation",
         "--no-index", "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    output = done.stdout + done.stderr
    assert "absent from the `packages` configuration" not in output
    assert "BuildBackendWarning" not in output
    assert "SetuptoolsDeprecationWarning" not in output
    wheel = next((tmp_path / "dist").glob("discimus_emulator-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "discimus_client/wsdl/inschrijving.wsdl" in names
    assert "discimus_fixtures/attacks/manifest.json" in names
    assert "discimus_fixtures/golden/index.json" in names
    assert "discimus_service/persistence/alembic.ini" in names
    magda = "discimus_service/soap/magda/xsd/"
    assert magda + "LICENSE-EUPL-1.2.txt" in names
    assert magda + "Generiek-02.00/Generiek.xsd" in names
    assert (magda + "Onderwijs.GeefHistoriekInschrijvingDienst-02.01/WebService/"
            "GeefHistoriekInschrijving.xsd") in names
    own = magda + "Onderwijs.GeefAantalAanwezighedenDienst-02.00/"     # the emulator's own
    assert {own + "README.md", own + "WebService/GeefAantalAanwezigheden.xsd"} <= names
