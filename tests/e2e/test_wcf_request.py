"""A request shaped as .NET WCF sends it (docs/wcf.rst) is served over HTTP.

The Body is our client's, the envelope and security header WCF's layout (see
tests/unit/wsse/shapes.py): prefixes s/o/u, the Timestamp first, an unprefixed
Signature, SOAPAction quoted as WCF sends it.
"""
from __future__ import annotations

import datetime as dt

import requests
from lxml import etree

from discimus_client.wsse import ns
from discimus_fixtures.generator import DEMO_SECONDARY
from discimus_service.security import pki
from tests.unit.wsse.shapes import build


def test_a_wcf_mutual_certificate_sign_only_request_is_answered(server, client_for):
    paths = pki.PkiPaths(server.pki_dir)
    pair = (paths.sender_key("informat").read_bytes(),
            paths.sender_cert("informat").read_bytes())
    ours = etree.fromstring(client_for("informat").signed_request(
        "GeefDubbeleInschrijvingen", {"Instellingsnummer": DEMO_SECONDARY, "Datum": None}))
    payload = ours.find(f"{{{ns.SOAP11_ENV}}}Body")[0]

    data = build(pair, dt.datetime.now(dt.timezone.utc), payload=payload)
    response = requests.post(server.url + "/inschrijving", data=data, timeout=30,
                             headers={"Content-Type": "text/xml; charset=utf-8",
                                      "SOAPAction": '"GeefDubbeleInschrijvingen"'})

    assert response.status_code == 200, response.text[:500]
    answer = etree.fromstring(response.content).find(f"{{{ns.SOAP11_ENV}}}Body")[0]
    assert etree.QName(answer).localname == "GeefDubbeleInschrijvingenResponse"
