"""Headers addressed to another SOAP actor are not ours (SOAP 1.1 §4.2.2, WSS 1.1 §6)."""
import copy

import pytest
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.errors import (
    InvalidEnvelope, InvalidTimestamp, MustUnderstandFault, SecurityHeaderMissing,
)
from discimus_client.wsse.policy import STRICT
from discimus_client.wsse.verifying import Verifier
from tests.unit.wsse.conftest import NOW

INTERMEDIARY = "urn:example:gateway"
DS = f"{{{ns.DS}}}"


def security(root):
    return root.find(f".//{ns.SECURITY}")


def verify(root):
    envelope = check_envelope(root, STRICT, require_security=True)
    return Verifier().verify(envelope, now=NOW)


def foreign_header(root, *, must_understand="1", actor=INTERMEDIARY):
    """A Security header for a gateway: its own Timestamp and a Signature."""
    block = etree.SubElement(root[0], ns.SECURITY)
    block.set(ns.ACTOR, actor)
    block.set(ns.MUST_UNDERSTAND, must_understand)
    stamp = etree.SubElement(block, ns.TIMESTAMP)
    stamp.set(ns.WSU_ID, "gateway-ts")
    block.append(copy.deepcopy(security(root).find(f"{DS}Signature")))
    return block


def test_the_only_security_header_addressed_elsewhere_means_none_for_us(signed):
    root = etree.fromstring(signed)
    security(root).set(ns.ACTOR, INTERMEDIARY)
    with pytest.raises(SecurityHeaderMissing) as caught:
        verify(root)
    text = caught.value.faultstring
    assert text.startswith("[S120] ")
    assert INTERMEDIARY in text and "without a soap:actor" in text


def test_the_next_actor_includes_us(signed):
    root = etree.fromstring(signed)
    security(root).set(ns.ACTOR, "http://schemas.xmlsoap.org/soap/actor/next")
    assert verify(root).payload.findtext("{urn:test}School") == "034567"


def test_a_security_header_for_another_actor_is_ignored_even_when_must_understand(signed):
    # Its Signature and Timestamp are the gateway's: neither counted nor checked here.
    root = etree.fromstring(signed)
    foreign_header(root)
    assert verify(root).payload.findtext("{urn:test}School") == "034567"


def test_a_timestamp_in_a_header_for_another_actor_is_not_ours(signed):
    root = etree.fromstring(signed)
    ours = security(root)
    ours.remove(ours.find(ns.TIMESTAMP))
    foreign_header(root)
    with pytest.raises(InvalidTimestamp):      # not "moved out of the header" (S132)
        verify(root)


def test_two_security_headers_for_us_stay_an_invalid_envelope(signed):
    root = etree.fromstring(signed)
    foreign_header(root, actor="http://schemas.xmlsoap.org/soap/actor/next")
    with pytest.raises(InvalidEnvelope) as caught:
        verify(root)
    assert caught.value.faultstring.startswith("[S110] ")


def test_mustunderstand_on_another_actors_header_is_not_ours_to_honour(signed):
    root = etree.fromstring(signed)
    routing = etree.SubElement(root[0], "{urn:example:routing}Route")
    routing.set(ns.MUST_UNDERSTAND, "1")
    routing.set(ns.ACTOR, INTERMEDIARY)
    verify(root)


def test_mustunderstand_on_a_header_for_the_next_actor_is_still_refused(signed):
    root = etree.fromstring(signed)
    routing = etree.SubElement(root[0], "{urn:example:routing}Route")
    routing.set(ns.MUST_UNDERSTAND, "1")
    routing.set(ns.ACTOR, "http://schemas.xmlsoap.org/soap/actor/next")
    with pytest.raises(MustUnderstandFault):
        verify(root)


def test_encryption_for_another_actor_is_that_actors_business(signed):
    root = etree.fromstring(signed)
    block = foreign_header(root)
    etree.SubElement(block, "{http://www.w3.org/2001/04/xmlenc#}EncryptedKey", Id="k1")
    verify(root)
