"""What the reliability tier shares: servers, their workers, signed answers, messages."""
from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree

from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.parser import parse_xml
from discimus_client.wsse.policy import STRICT
from discimus_client.wsse.verifying import Verifier
from tests import dbhelpers
from tests.e2e.server import start_server

@contextlib.contextmanager
def running_server(root: Path, database: str, **env):
    """The emulator (front + gunicorn, two sync workers) on ``sqlite`` or ``postgresql``.

    The business date is the real one: the load's students enroll today. Quiet
    clients are dropped after 60 s, transactions give up after 3 s, an answer lists at
    most two doubles.
    """
    env = {"DISCIMUS_BUSINESS_DATE": "", "DISCIMUS_REQUEST_READ_SECONDS": "60",
           "DISCIMUS_TRANSACTION_SECONDS": "3", "DISCIMUS_DOUBLES_PER_ANSWER": "2", **env}
    if database == "postgresql":
        dbhelpers.require_postgres()
        with dbhelpers.postgres_schema() as url:
            server = start_server(root, url, workers=2, extra_env=env)
            try:
                yield server
            finally:
                server.stop()
        return
    server = start_server(root, f"sqlite:///{root / 'discimus.sqlite'}", workers=2,
                          extra_env=env)
    try:
        yield server
    finally:
        server.stop()


def children(pid: int) -> list[int]:
    """Child process ids (Linux /proc)."""
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(p) for p in text.split()]


def worker_pids(server) -> list[int]:
    """gunicorn's workers: the children of its arbiter, the front's one child."""
    (arbiter,) = children(server.process.pid)
    return children(arbiter)


def verified_answer(content: bytes, server_cert_pem: bytes):
    """The answer's envelope after checking the server's signature (raises otherwise)."""
    certificate = x509.load_pem_x509_certificate(server_cert_pem)
    envelope = check_envelope(parse_xml(content, STRICT), STRICT, require_security=True)
    Verifier(STRICT).verify(envelope, now=dt.datetime.now(dt.timezone.utc),
                            expected_certificate_der=certificate.public_bytes(Encoding.DER))
    return envelope


def codes(content: bytes) -> list[int]:
    root = etree.fromstring(content)
    return [int(u.findtext("{*}Identificatie")) for u in root.iter("{*}Uitzondering")]


def fault_code(content: bytes) -> str | None:
    """The ``[Sxxx]`` code of a SOAP fault, or None for an answer."""
    text = etree.fromstring(content).findtext(".//faultstring")
    return text.split("]")[0].lstrip("[") if text else None


def registrations(client, institution: str, count: int, *, prefix: str, first: int = 0):
    """``count`` signed RegistreerInschrijving messages of distinct new students.

    Students ``first`` to ``first + count - 1``: give each test its own range.

    :returns: [(referte, stamnummer, inhoud, signed bytes)]
    """
    from discimus_client.results import Address, EnrollmentData, Student
    from discimus_fixtures.generator import insz_for
    from discimus_service.domain.model import Sex
    today = dt.date.today()
    out = []
    for i in range(first, first + count):
        # INSZ sequences 200..498 are free of generated fixtures (generator docstring).
        birth = dt.date(2010, 1, 1) + dt.timedelta(days=i // 299)
        student = Student(insz=insz_for(birth, Sex.M, 200 + i % 299),
                          stamnummer=f"2{i % 5}{60000 + i:05d}", first_name="Test",
                          last_name=f"Leerling{i}", birth_date=birth, sex="M",
                          address=Address("Kerkstraat", "1", "9000", "Gent"))
        enrollment = EnrollmentData(institution_number=institution,
                                    administrative_group="1A", start_date=today,
                                    registration_date=today)
        inhoud = client.enrollment_inhoud(student, enrollment)
        referte = f"{prefix}-{i}"
        out.append((referte, student.stamnummer, inhoud,
                    client.signed_request("RegistreerInschrijving", inhoud,
                                          referte=referte)))
    return out
