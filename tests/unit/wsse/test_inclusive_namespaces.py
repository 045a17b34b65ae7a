"""Exclusive c14n's InclusiveNamespaces PrefixList, as WSS4J and CXF send it: accepted,
applied (a namespace it names is covered by the signature), and nothing else allowed.
"""
import pytest
import xmlsec
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.errors import SignatureInvalid, UnsupportedAlgorithm
from discimus_client.wsse.policy import STRICT
from discimus_client.wsse.signing import Signer
from discimus_client.wsse.verifying import Verifier
from tests.unit.wsse.conftest import MESSAGE, NOW

DS = f"{{{ns.DS}}}"
EC = f"{{{ns.EXC_C14N}}}"
INCLUSIVE_C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
EXC_C14N_WITH_COMMENTS = ns.EXC_C14N + "WithComments"
# "extra" is declared on the Envelope and used nowhere below it: exclusive c14n drops it
# from the signed Body and SignedInfo unless a PrefixList names it.
EXTRA = MESSAGE.replace(b"<soap:Envelope ", b'<soap:Envelope xmlns:extra="urn:extra" ')


def verify(root):
    data = etree.tostring(root)
    return Verifier().verify(check_envelope(etree.fromstring(data), STRICT,
                                            require_security=True), now=NOW)


def methods(root):
    """SignedInfo's CanonicalizationMethod, then each Reference's Transform."""
    return [root.find(f".//{DS}CanonicalizationMethod"), *root.iter(f"{DS}Transform")]


def signed_with(rsa_pair, prefixes: str | None, *, only=None):
    """EXTRA signed by the profile, the PrefixList added where WSS4J puts it, re-signed.

    :param only: index into :func:`methods` to add the PrefixList to just that one
    """
    root = etree.fromstring(EXTRA)
    Signer(*rsa_pair).sign(root, now=NOW)
    if prefixes is not None:
        targets = methods(root)
        for method in targets if only is None else [targets[only]]:
            etree.SubElement(method, EC + "InclusiveNamespaces", PrefixList=prefixes,
                             nsmap={"ec": ns.EXC_C14N})
    return resign(root, rsa_pair)


def resign(root, rsa_pair):
    ctx = xmlsec.SignatureContext()
    ctx.key = xmlsec.Key.from_memory(rsa_pair[0], xmlsec.KeyFormat.PEM, None)
    ctx.register_id(root.find(f"{{{ns.SOAP11_ENV}}}Body"), "Id", ns.WSU)
    ctx.register_id(root.find(f".//{ns.TIMESTAMP}"), "Id", ns.WSU)
    ctx.sign(root.find(f".//{ns.SIGNATURE}"))
    return root


def rebind_extra(root):
    """The same document with the unused prefix bound to another namespace URI."""
    data = etree.tostring(root).replace(b'xmlns:extra="urn:extra"',
                                        b'xmlns:extra="urn:other"', 1)
    assert b"urn:other" in data
    return etree.fromstring(data)


def test_wss4j_style_prefix_lists_are_accepted(rsa_pair):
    root = signed_with(rsa_pair, "extra soap")
    assert len(root.findall(f".//{EC}InclusiveNamespaces")) == 3
    assert verify(root).payload.findtext("{urn:test}School") == "034567"


def test_the_prefix_list_changes_what_is_signed():
    """Guards the next test: with the list, the Body's canonical form differs."""
    body = etree.fromstring(EXTRA).find(f"{{{ns.SOAP11_ENV}}}Body")
    with_list = etree.tostring(body, method="c14n", exclusive=True,
                               inclusive_ns_prefixes=["extra"])
    assert b"urn:extra" in with_list
    assert b"urn:extra" not in etree.tostring(body, method="c14n", exclusive=True)


@pytest.mark.parametrize("only", [0, 1, 2], ids=["SignedInfo", "Body", "Timestamp"])
def test_a_namespace_named_in_the_prefix_list_is_covered_by_the_signature(rsa_pair, only):
    """Only a verifier that applies the PrefixList notices the prefix was rebound."""
    root = signed_with(rsa_pair, "extra", only=only)
    verify(root)
    with pytest.raises(SignatureInvalid):
        verify(rebind_extra(root))


def test_without_a_prefix_list_the_unused_namespace_is_not_signed(rsa_pair):
    """The control: exclusive c14n alone leaves the rebinding unnoticed, as it should."""
    verify(rebind_extra(signed_with(rsa_pair, None)))


def _param(**attributes):
    return lambda: etree.Element(EC + "InclusiveNamespaces", attributes,
                                 nsmap={"ec": ns.EXC_C14N})


def _with_child():
    element = _param(PrefixList="soap")()
    etree.SubElement(element, EC + "InclusiveNamespaces", PrefixList="soap")
    return element


def _with_text():
    element = _param(PrefixList="soap")()
    element.text = "soap"
    return element


PARAMETERS = {
    "wrong-namespace": lambda: etree.Element(f"{DS}InclusiveNamespaces",
                                             PrefixList="soap"),
    "no-namespace": lambda: etree.Element("InclusiveNamespaces", PrefixList="soap"),
    "other-element": lambda: etree.Element(EC + "XPath"),
    "child-element": _with_child,
    "text-inside": _with_text,
    "extra-attribute": _param(PrefixList="soap", Algorithm="urn:x"),
    "no-prefix-list": _param(),
    "prefix-with-colon": _param(PrefixList="soap:x"),
    "prefix-starting-with-digit": _param(PrefixList="1soap"),
    "seventeen-prefixes": _param(PrefixList=" ".join(f"p{i}" for i in range(17))),
    "comment": lambda: etree.Comment("InclusiveNamespaces"),
}


@pytest.mark.parametrize("where", [0, 1], ids=["SignedInfo", "Reference"])
@pytest.mark.parametrize("name", PARAMETERS)
def test_anything_else_inside_exclusive_c14n_is_refused(signed, where, name):
    root = etree.fromstring(signed)
    methods(root)[where].append(PARAMETERS[name]())
    with pytest.raises(UnsupportedAlgorithm, match="exclusive c14n|PrefixList"):
        verify(root)


@pytest.mark.parametrize("where", [0, 1], ids=["SignedInfo", "Reference"])
def test_text_inside_the_method_is_refused(signed, where):
    root = etree.fromstring(signed)
    methods(root)[where].text = "soap"
    with pytest.raises(UnsupportedAlgorithm):
        verify(root)


@pytest.mark.parametrize("where", [0, 1], ids=["SignedInfo", "Reference"])
def test_two_prefix_lists_are_refused(signed, where):
    root = etree.fromstring(signed)
    for _ in range(2):
        methods(root)[where].append(_param(PrefixList="soap")())
    with pytest.raises(UnsupportedAlgorithm):
        verify(root)


@pytest.mark.parametrize("algorithm", [INCLUSIVE_C14N, EXC_C14N_WITH_COMMENTS])
@pytest.mark.parametrize("where", [0, 1], ids=["SignedInfo", "Reference"])
def test_a_prefix_list_does_not_make_another_algorithm_acceptable(rsa_pair, where,
                                                                  algorithm):
    root = signed_with(rsa_pair, "soap", only=where)
    methods(root)[where].set("Algorithm", algorithm)
    with pytest.raises(UnsupportedAlgorithm, match="exclusive c14n without comments"):
        verify(resign(root, rsa_pair))


def test_sixteen_prefixes_and_default_are_accepted(rsa_pair):
    listed = " ".join(["#default", "soap", "extra"] + [f"p{i}" for i in range(13)])
    verify(signed_with(rsa_pair, listed))
