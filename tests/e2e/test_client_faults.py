"""The reference client on refusals: faults are verified too, then raised with their code."""
from __future__ import annotations

import pytest

from discimus_client.client import DiscimusClient
from discimus_client.errors import ServiceFault
from discimus_fixtures.generator import DEMO_SECONDARY
from discimus_service.security import pki


def test_a_fault_is_verified_against_the_server_and_raised_with_its_code(server):
    paths = pki.PkiPaths(server.pki_dir)
    key_pem, cert_pem = pki.issue_certificate(paths, "informat", self_signed=True)
    client = DiscimusClient(server.url, sender_id="informat", key_pem=key_pem,
                            cert_pem=cert_pem,
                            server_cert_pem=paths.server_cert.read_bytes())
    with pytest.raises(ServiceFault) as refused:
        client.double_enrollments(DEMO_SECONDARY)
    assert refused.value.code == "S141"
    assert "not issued by the emulator's CA" in refused.value.message
    verified = client.wsse.last_verified
    assert verified is not None and verified.payload.tag.endswith("Fault")
