"""Defence in depth: the xmlsec context the verifier builds runs only the profile's
algorithms, even if a message got past the lxml checks in front of it.

Tested on the context itself (``verifying._context``), because the lxml checks refuse
all of these first: through ``Verifier.verify`` a context that allowed everything would
go unnoticed.
"""
from __future__ import annotations

import pytest
import xmlsec
from lxml import etree

from discimus_client.wsse import verifying
from tests.unit.wsse.forging import der_of


def _signed(key_pem, method, digest, transform):
    root = etree.fromstring(b'<doc xmlns:w="urn:w"><part w:Id="p">text</part></doc>')
    part = root[0]
    signature = xmlsec.template.create(root, xmlsec.Transform.EXCL_C14N, method)
    root.append(signature)
    reference = xmlsec.template.add_reference(signature, digest, uri="#p")
    xmlsec.template.add_transform(reference, transform)
    ctx = xmlsec.SignatureContext()
    ctx.key = xmlsec.Key.from_memory(key_pem, xmlsec.KeyFormat.PEM, None)
    ctx.register_id(part, "Id", "urn:w")
    ctx.sign(signature)
    return etree.fromstring(etree.tostring(root))


def _verify(root, cert_pem):
    key = xmlsec.Key.from_memory(der_of(cert_pem), xmlsec.KeyFormat.CERT_DER, None)
    ctx = verifying._context(key)
    ctx.register_id(root[0], "Id", "urn:w")
    ctx.verify(root.find("{http://www.w3.org/2000/09/xmldsig#}Signature"))


def test_the_profile_verifies_in_the_context(rsa_pair):
    _verify(_signed(rsa_pair[0], xmlsec.Transform.RSA_SHA256, xmlsec.Transform.SHA256,
                    xmlsec.Transform.EXCL_C14N), rsa_pair[1])


@pytest.mark.parametrize("method, digest, transform", [
    (xmlsec.Transform.RSA_SHA256, xmlsec.Transform.SHA256, xmlsec.Transform.C14N),
    (xmlsec.Transform.RSA_SHA256, xmlsec.Transform.SHA1, xmlsec.Transform.EXCL_C14N),
    (xmlsec.Transform.RSA_SHA1, xmlsec.Transform.SHA256, xmlsec.Transform.EXCL_C14N),
], ids=["inclusive-c14n-transform", "sha1-digest", "rsa-sha1-method"])
def test_other_algorithms_are_refused_by_xmlsec_itself(rsa_pair, method, digest, transform):
    root = _signed(rsa_pair[0], method, digest, transform)
    with pytest.raises(xmlsec.Error):
        _verify(root, rsa_pair[1])
