"""Hostile messages that need a fresh, validly signed message to start from.

Static attacks (XXE, billion laughs, ...) are files in ``fixtures/attacks/``; these
recipes make the rest at test time, because a signed message goes stale in five minutes.
Each recipe takes a :class:`Kit` and returns an :class:`Attack`. The manifest
(``fixtures/attacks/manifest.json``) names the recipe and the code it must get.
"""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.policy import STRICT
from discimus_client.wsse.signing import Signer

SOAP = ns.SOAP11_ENV
WSSE, WSU, DS = ns.WSSE, ns.WSU, ns.DS
WSU_ID = f"{{{WSU}}}Id"
TEXT_XML = {"Content-Type": "text/xml; charset=utf-8"}
CONSULTATION = "GeefDubbeleInschrijvingen"      # what kit.signed() asks


@dataclass
class Attack:
    body: bytes
    # None: the headers a client sends with ``operation`` (Content-Type, SOAPAction).
    headers: dict | None = None
    # Valid messages sent (and answered) before the attack, e.g. the original of a replay.
    before: list[bytes] = field(default_factory=list)
    operation: str = CONSULTATION
    path: str = "/inschrijving"
    # The operation of the ``before`` messages when it is not ``operation`` (they are
    # posted to /inschrijving), e.g. an enrollment before an absence.
    before_operation: str | None = None
    # Where the ``before`` messages go, with the attack's own headers, when it is not
    # /inschrijving (a MAGDA original goes to the MAGDA path).
    before_path: str | None = None


@dataclass
class Kit:
    """What recipes may use: fresh signed messages, keys, and the PKI helpers."""

    signed: Callable[..., bytes]          # signed(sender="informat", referte=None) -> bytes
    signed_op: Callable[..., bytes]       # signed_op(operation, inhoud) -> bytes
    key_pem: Callable[[str], bytes]       # a sender's key
    cert_pem: Callable[[str], bytes]      # a sender's certificate
    signed_with: Callable[[bytes, bytes], bytes]   # any key + cert (bad certificates)
    revoke: Callable[[bytes], None]       # revoke a certificate (PEM) in the server's CRL
    issue: Callable[..., tuple[bytes, bytes]]      # pki.issue_certificate on the dev CA
    headers: Callable[[str], dict]        # the HTTP headers a client sends for an operation
    ca_pem: Callable[[], bytes] | None = None     # the emulator CA's certificate (PEM)


def _root(data: bytes):
    return etree.fromstring(data)


def _out(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _parts(root):
    header = root.find(f"{{{SOAP}}}Header")
    body = root.find(f"{{{SOAP}}}Body")
    security = header.find(f"{{{WSSE}}}Security")
    return header, body, security


def _resign(kit: Kit, data: bytes, *, now: dt.datetime, sender="informat", **policy):
    """Strip the signature and sign again at another time or with another policy."""
    root = _root(data)
    header, body, security = _parts(root)
    header.remove(security)
    body.attrib.pop(WSU_ID, None)
    signer = Signer(kit.key_pem(sender), kit.cert_pem(sender),
                    policy=dataclasses.replace(STRICT, **policy))
    signer.sign(root, now=now)
    return _out(root)


def _now():
    return dt.datetime.now(dt.timezone.utc)


RECIPES: dict[str, Callable[[Kit], Attack]] = {}


def recipe(fn):
    RECIPES[fn.__name__] = fn
    return fn


# -- parsing and size --------------------------------------------------------------------
@recipe
def namespace_flood(kit):
    decls = " ".join(f'xmlns:n{i}="urn:flood:{i}"' for i in range(5000))
    return Attack(f'<soap:Envelope xmlns:soap="{SOAP}" {decls}><soap:Body><x/>'
                  f'</soap:Body></soap:Envelope>'.encode())


@recipe
def attribute_flood(kit):
    attrs = " ".join(f'a{i}="v"' for i in range(5000))
    return Attack(f'<soap:Envelope xmlns:soap="{SOAP}"><soap:Body><x {attrs}/>'
                  f'</soap:Body></soap:Envelope>'.encode())


@recipe
def element_flood(kit):
    items = "<i/>" * 50_000
    return Attack(f'<soap:Envelope xmlns:soap="{SOAP}"><soap:Body><x>{items}</x>'
                  f'</soap:Body></soap:Envelope>'.encode())


@recipe
def huge_text(kit):
    root = _root(kit.signed())
    _, body, _ = _parts(root)
    body[0].append(etree.Element("Opmerking"))
    body[0][-1].text = "A" * 2_000_000
    return Attack(_out(root))


@recipe
def lying_content_length(kit):
    # the server must not believe it
    return Attack(kit.signed(), {**kit.headers(CONSULTATION), "Content-Length": "50000000"})


# -- envelope shape ----------------------------------------------------------------------
@recipe
def two_bodies(kit):
    root = _root(kit.signed())
    _, body, _ = _parts(root)
    root.insert(1, copy.deepcopy(body))     # spyne alone would process the first one
    return Attack(_out(root))


@recipe
def no_body(kit):
    root = _root(kit.signed())
    _, body, _ = _parts(root)
    root.remove(body)
    return Attack(_out(root))


@recipe
def two_operations(kit):
    root = _root(kit.signed())
    _, body, _ = _parts(root)
    body.append(copy.deepcopy(body[0]))
    return Attack(_out(root))


@recipe
def body_before_header(kit):
    root = _root(kit.signed())
    header, _, _ = _parts(root)
    root.remove(header)
    root.append(header)
    return Attack(_out(root))


@recipe
def unknown_must_understand(kit):
    root = _root(kit.signed())
    header, _, _ = _parts(root)
    extra = etree.SubElement(header, "{urn:example:routing}Route")
    extra.set(f"{{{SOAP}}}mustUnderstand", "1")
    return Attack(_out(root))


@recipe
def soap12_envelope(kit):
    data = kit.signed().replace(SOAP.encode(), b"http://www.w3.org/2003/05/soap-envelope")
    return Attack(data)


@recipe
def wrong_content_type(kit):
    return Attack(kit.signed(), {"Content-Type": "application/soap+xml; charset=utf-8"})


@recipe
def oversize(kit):
    return Attack(b"<x>" + b" " * 3_000_000 + b"</x>")


@recipe
def unknown_operation(kit):
    root = _root(kit.signed())
    _, body, _ = _parts(root)
    body[0].tag = "{urn:discimus-emulator:inschrijving:01.00}VerwijderAlles"
    return Attack(_out(root))


@recipe
def no_security_header(kit):
    root = _root(kit.signed())
    header, body, security = _parts(root)
    header.remove(security)
    return Attack(_out(root))


@recipe
def comment_in_signed_value(kit):
    # lxml's .text stops at a comment: "informat<!--x-->.evil" would read as "informat"
    data = kit.signed().replace(b">informat</", b">informat<!--x-->.evil</", 1)
    return Attack(data)


# -- signature wrapping ------------------------------------------------------------------
@recipe
def moved_body(kit):
    root = _root(kit.signed())
    header, body, _ = _parts(root)
    wrapper = etree.SubElement(header, "{urn:example:wrap}Wrapper")
    root.remove(body)
    wrapper.append(body)
    evil = copy.deepcopy(body)
    del evil.attrib[WSU_ID]
    evil[0].find(".//{*}Instellingsnummer").text = "056789"
    root.append(evil)
    return Attack(_out(root))


@recipe
def duplicate_ids(kit):
    root = _root(kit.signed())
    header, body, _ = _parts(root)
    evil = copy.deepcopy(body)
    evil[0].find(".//{*}Instellingsnummer").text = "056789"
    root.replace(body, evil)                 # the processed Body is the altered copy
    wrapper = etree.SubElement(header, "{urn:example:wrap}Wrapper")
    wrapper.append(body)                     # the signed original, same wsu:Id
    return Attack(_out(root))


@recipe
def foreign_id_attribute(kit):
    root = _root(kit.signed())
    _, body, security = _parts(root)
    value = body.attrib.pop(WSU_ID)
    body.set("{urn:example:other}Id", value)
    return Attack(_out(root))


@recipe
def moved_timestamp(kit):
    root = _root(kit.signed())
    header, _, security = _parts(root)
    timestamp = security.find(f"{{{WSU}}}Timestamp")
    security.remove(timestamp)
    wrapper = etree.SubElement(header, "{urn:example:wrap}Wrapper")
    wrapper.append(timestamp)
    return Attack(_out(root))


def _references(root):
    return root.findall(f".//{{{DS}}}SignedInfo/{{{DS}}}Reference")


@recipe
def only_timestamp_signed(kit):
    root = _root(kit.signed())
    _, body, _ = _parts(root)
    for ref in _references(root):
        if ref.get("URI") == "#" + body.get(WSU_ID):
            ref.getparent().remove(ref)
    return Attack(_out(root))


@recipe
def two_signatures(kit):
    root = _root(kit.signed())
    _, _, security = _parts(root)
    security.append(copy.deepcopy(security.find(f"{{{DS}}}Signature")))
    return Attack(_out(root))


@recipe
def empty_reference_uri(kit):
    root = _root(kit.signed())
    _references(root)[0].set("URI", "")
    return Attack(_out(root))


@recipe
def external_reference_uri(kit):
    root = _root(kit.signed())
    _references(root)[0].set("URI", "file:///dev/zero")
    return Attack(_out(root))


@recipe
def too_many_references(kit):
    root = _root(kit.signed())
    first = _references(root)[0]
    first.addnext(copy.deepcopy(first))
    return Attack(_out(root))


# -- algorithms and transforms -----------------------------------------------------------
def _set_algorithm(kit, path: str, uri: str) -> Attack:
    root = _root(kit.signed())
    root.find(path).set("Algorithm", uri)
    return Attack(_out(root))


_SI = f".//{{{DS}}}SignedInfo"


@recipe
def rsa_sha1(kit):
    return _set_algorithm(kit, f"{_SI}/{{{DS}}}SignatureMethod",
                          "http://www.w3.org/2000/09/xmldsig#rsa-sha1")


@recipe
def hmac_sha256(kit):
    return _set_algorithm(kit, f"{_SI}/{{{DS}}}SignatureMethod",
                          "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256")


@recipe
def md5_digest(kit):
    return _set_algorithm(kit, f"{_SI}/{{{DS}}}Reference/{{{DS}}}DigestMethod",
                          "http://www.w3.org/2001/04/xmldsig-more#md5")


@recipe
def sha1_digest(kit):
    return _set_algorithm(kit, f"{_SI}/{{{DS}}}Reference/{{{DS}}}DigestMethod",
                          "http://www.w3.org/2000/09/xmldsig#sha1")


@recipe
def inclusive_c14n(kit):
    return _set_algorithm(kit, f"{_SI}/{{{DS}}}CanonicalizationMethod",
                          "http://www.w3.org/TR/2001/REC-xml-c14n-20010315")


@recipe
def c14n_with_comments(kit):
    return _set_algorithm(kit, f"{_SI}/{{{DS}}}CanonicalizationMethod",
                          "http://www.w3.org/2001/10/xml-exc-c14n#WithComments")


def _inclusive_namespaces(kit, namespace: str, prefixes: str, algorithm=None) -> Attack:
    """A PrefixList parameter on SignedInfo's c14n: allowed only as exc-c14n's own."""
    root = _root(kit.signed())
    method = root.find(f"{_SI}/{{{DS}}}CanonicalizationMethod")
    if algorithm:
        method.set("Algorithm", algorithm)
    etree.SubElement(method, f"{{{namespace}}}InclusiveNamespaces", PrefixList=prefixes)
    return Attack(_out(root))


@recipe
def inclusive_namespaces_foreign(kit):
    return _inclusive_namespaces(kit, DS, "soap-env")


@recipe
def inclusive_namespaces_on_inclusive_c14n(kit):
    return _inclusive_namespaces(kit, ns.EXC_C14N, "soap-env",
                                 "http://www.w3.org/TR/2001/REC-xml-c14n-20010315")


@recipe
def inclusive_namespaces_flood(kit):
    return _inclusive_namespaces(kit, ns.EXC_C14N, " ".join(f"p{i}" for i in range(5000)))


def _add_transform(kit, algorithm: str, child=None) -> Attack:
    root = _root(kit.signed())
    transforms = root.find(f"{_SI}/{{{DS}}}Reference/{{{DS}}}Transforms")
    transform = etree.SubElement(transforms, f"{{{DS}}}Transform", Algorithm=algorithm)
    if child is not None:
        transform.append(child)
    return Attack(_out(root))


@recipe
def xslt_transform(kit):
    xsl = "http://www.w3.org/1999/XSL/Transform"
    sheet = etree.Element(f"{{{xsl}}}stylesheet", version="1.0", nsmap={"xsl": xsl})
    return _add_transform(kit, "http://www.w3.org/TR/1999/REC-xslt-19991116", sheet)


@recipe
def xpath_transform(kit):
    xpath = etree.Element(f"{{{DS}}}XPath")
    xpath.text = "not(ancestor-or-self::*[local-name()='Instellingsnummer'])"
    return _add_transform(kit, "http://www.w3.org/TR/1999/REC-xpath-19991116", xpath)


@recipe
def hmac_output_length(kit):
    root = _root(kit.signed())
    method = root.find(f"{_SI}/{{{DS}}}SignatureMethod")
    etree.SubElement(method, f"{{{DS}}}HMACOutputLength").text = "8"
    return Attack(_out(root))


# -- time and replay ---------------------------------------------------------------------
@recipe
def expired_timestamp(kit):
    return Attack(_resign(kit, kit.signed(), now=_now() - dt.timedelta(minutes=10)))


@recipe
def too_old_timestamp(kit):
    # Expires is still ahead, but Created is older than the maximum age (300 s).
    return Attack(_resign(kit, kit.signed(), now=_now() - dt.timedelta(seconds=400),
                          timestamp_ttl=dt.timedelta(hours=1)))


@recipe
def future_timestamp(kit):
    return Attack(_resign(kit, kit.signed(), now=_now() + dt.timedelta(minutes=10)))


@recipe
def missing_timestamp(kit):
    root = _root(kit.signed())
    _, _, security = _parts(root)
    security.remove(security.find(f"{{{WSU}}}Timestamp"))
    return Attack(_out(root))


@recipe
def malformed_timestamp(kit):
    root = _root(kit.signed())
    _, _, security = _parts(root)
    security.find(f"{{{WSU}}}Timestamp/{{{WSU}}}Created").text = "yesterday"
    return Attack(_out(root))


@recipe
def tampered_body(kit):
    root = _root(kit.signed())
    _, body, _ = _parts(root)
    body[0].find(".//{*}Instellingsnummer").text = "056789"
    return Attack(_out(root))


@recipe
def exact_replay(kit):
    data = kit.signed()
    return Attack(data, before=[data])


@recipe
def replayed_resend(kit):
    # A resend (same Referte, signed anew) is answered with 50003; a byte-for-byte copy
    # of the resend is a replay like any other (issue 5 §2).
    referte = uuid.uuid4().hex
    first, resend = kit.signed(referte=referte), kit.signed(referte=referte)
    return Attack(resend, before=[first, resend])


@recipe
def replayed_referte_conflict(kit):
    # Refused with 10006 (the Referte was used for another question), then copied.
    referte = uuid.uuid4().hex
    first = kit.signed(referte=referte)
    conflict = kit.signed_op(CONSULTATION, {"Instellingsnummer": "034567",
                                            "Datum": dt.date(2026, 10, 1)},
                             referte=referte)
    return Attack(conflict, before=[first, conflict])


@recipe
def replayed_refused_message(kit):
    # A business refusal (FOUT 20002) is journaled; its exact copy is a replay.
    refused = invalid_insz(kit)
    return Attack(refused.body, before=[refused.body], operation=refused.operation)


@recipe
def cosmetic_replay(kit):
    # Same signature, different bytes outside what is signed: still the same message.
    data = kit.signed()
    root = _root(data)
    header, _, _ = _parts(root)
    header.text = "\n   "
    return Attack(_out(root), before=[data])


# -- certificates ------------------------------------------------------------------------
def _with_certificate(kit, sender="informat", **options) -> Attack:
    key_pem, cert_pem = kit.issue(sender, **options)
    return Attack(kit.signed_with(key_pem, cert_pem))


@recipe
def self_signed_certificate(kit):
    return _with_certificate(kit, self_signed=True)


@recipe
def expired_certificate(kit):
    now = _now()
    return _with_certificate(kit, not_before=now - dt.timedelta(days=400),
                             not_after=now - dt.timedelta(days=1))


@recipe
def not_yet_valid_certificate(kit):
    now = _now()
    return _with_certificate(kit, not_before=now + dt.timedelta(days=1),
                             not_after=now + dt.timedelta(days=400))


@recipe
def wrong_key_usage(kit):
    return _with_certificate(kit, digital_signature=False)


@recipe
def ca_as_signer(kit):
    return _with_certificate(kit, is_ca=True)


@recipe
def weak_rsa_key(kit):
    return _with_certificate(kit, key_size=1024)


@recipe
def revoked_certificate(kit):
    key_pem, cert_pem = kit.issue("broekx")
    kit.revoke(cert_pem)
    return Attack(kit.signed_with(key_pem, cert_pem, sender="broekx"))


@recipe
def unknown_sender(kit):
    return _with_certificate(kit, sender="nobody-registered")


@recipe
def malformed_token(kit):
    root = _root(kit.signed())
    _, _, security = _parts(root)
    security.find(f"{{{WSSE}}}BinarySecurityToken").text = "bm90IGEgY2VydGlmaWNhdGU="
    return Attack(_out(root))


@recipe
def another_vendors_certificate(kit):
    # wisa signs, honestly, for a school that mandated informat: refused as 40006
    return Attack(kit.signed(sender="wisa"))


@recipe
def afzender_is_not_the_signer(kit):
    # signed by wisa, but the Context claims informat: refused as 40011
    data = kit.signed(sender="wisa", afzender="informat")
    return Attack(data)


@recipe
def schema_violation(kit):
    # Correctly signed, but the Body breaks the XSD (an institution number of letters).
    root = _root(kit.signed())
    _, body, _ = _parts(root)
    body[0].find(".//{*}Instellingsnummer").text = "ABCDEF"
    return Attack(_resign(kit, _out(root), now=_now()))


@recipe
def invalid_insz(kit):
    # Correctly signed and schema-valid, but the INSZ fails its check digits: 20002.
    from discimus_client.client import DiscimusClient
    from discimus_client.results import Address, EnrollmentData, Student
    birth = dt.date(2012, 3, 15)
    student = Student(insz="12031501299", stamnummer="2600990", first_name="Jan",
                      last_name="Smet", birth_date=birth, sex="M",
                      address=Address("Kerkstraat", "1", "9000", "Gent"))
    enrollment = EnrollmentData("034567", "1A", dt.date(2026, 9, 1), dt.date(2026, 8, 30))
    return Attack(kit.signed_op("RegistreerInschrijving",
                                DiscimusClient.enrollment_inhoud(student, enrollment)),
                  operation="RegistreerInschrijving")


# -- HTTP: SOAPAction and the service's path -------------------------------------------
@recipe
def missing_soap_action(kit):
    return Attack(kit.signed(), dict(TEXT_XML))


@recipe
def empty_soap_action(kit):
    return Attack(kit.signed(), {**TEXT_XML, "SOAPAction": '""'})


@recipe
def mismatched_soap_action(kit):
    # a consultation sent as if it were a registration
    return Attack(kit.signed(), kit.headers("RegistreerInschrijving"))


@recipe
def sub_path(kit):
    # spyne would serve anything below its mount point as the service itself
    return Attack(kit.signed(), path="/inschrijving/inschrijving")


# More recipes live beside this module; importing it registers them in RECIPES.
from tests.security import (  # noqa: E402,F401
    absence_recipes, boarding_recipes, certificate_recipes, characteristics_recipes,
    class_recipes, connector_recipes, dko_recipes, profile_recipes, record_recipes,
)
