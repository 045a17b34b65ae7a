"""The interop tier: requests signed by independent stacks, answers verified by them.

Each stack is a Debian package (``.ci/run`` installs the missing ones). Without it the
tests skip; under ``CI=true`` (or ``1``) they fail instead: a CI run that skipped them
would prove nothing about interoperability.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).parent
JAVA_SHARE = Path("/usr/share/java")
# WSS4J 1.6 and what it loads at run time (commons-logging; Santuario needs slf4j).
WSS4J_JARS = ("wss4j.jar", "xmlsec.jar", "commons-logging.jar", "slf4j-api.jar",
              "slf4j-nop.jar")
DEBIAN_PACKAGES = ("xmlsec1 libwss4j-java libxml-security-java libcommons-logging-java "
                   "libslf4j-java default-jdk-headless")


def require(present: bool, what: str) -> None:
    """Skip without ``what``, or fail under CI, where it must be installed."""
    if present:
        return
    message = (f"{what} is not installed (apt-get install {DEBIAN_PACKAGES}; .ci/run "
               "does it)")
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"required under CI: {message}", pytrace=False)
    pytest.skip(message)


def run(args, *, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """A command's exit status and text output; the timeout only stops a hung tool."""
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, check=False)


@pytest.fixture(scope="session")
def xmlsec1():
    require(all(shutil.which(tool) for tool in ("xmlsec1", "openssl", "curl")),
            "the xmlsec1 command line (with openssl and curl)")


@pytest.fixture(scope="session")
def wss4j(tmp_path_factory):
    """Compiles java/Wss4jClient.java against the Debian jars; returns how to run it."""
    jars = [JAVA_SHARE / jar for jar in WSS4J_JARS]
    require(bool(shutil.which("javac") and shutil.which("java"))
            and all(jar.exists() for jar in jars), "Apache WSS4J 1.6 with a JDK")
    classes = tmp_path_factory.mktemp("wss4j-classes")
    classpath = os.pathsep.join(str(jar) for jar in jars)
    compiled = run(["javac", "-d", classes, "-cp", classpath,
                    HERE / "java" / "Wss4jClient.java"], cwd=classes)
    assert compiled.returncode == 0, compiled.stderr

    def client(url: str, pki_dir: Path, out: Path, *settings: str, sender="informat",
               school="034567") -> subprocess.CompletedProcess:
        return run(["java", "-cp", f"{classes}{os.pathsep}{classpath}", "Wss4jClient",
                    url, pki_dir, sender, school, out, *settings], cwd=out)
    return client
