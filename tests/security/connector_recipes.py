"""Recipes against the magda-connector profile (MAGDA's Java connector's shape).

Each starts from a MAGDA request signed as MAGDA's connector signs it, by the demo
partner that opted in (groeipakket), and changes one thing: who sends it, the Tijdstip,
the Referte, what is signed, the token. Where the change touches signed content the
message is signed again with the sender's real key, so only the construct under test is
wrong. Registered in :data:`tests.security.recipes.RECIPES`, which imports this module.
"""
from __future__ import annotations

import base64
import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.connector_signing import ConnectorSigner, pki_path
from tests import magda
from tests.security.recipes import DS, WSU_ID, Attack, _out, _parts, _root, recipe

PATH = magda.SHARED_PATH
HEADERS = {"Content-Type": "text/xml;charset=UTF-8", "SOAPAction": '""'}
OPERATION = "RegistreerInschrijving"
CAPACITY = {"groeipakket": "1300", "onderwijsinspectie": "1200", "informat": "1300"}


def _unsigned(sender="groeipakket", *, referte=None, age=dt.timedelta(0)):
    """MAGDA-Mock's RegistreerInschrijving, its Tijdstip as the connector writes it."""
    root = magda.mock_request("RegistreerInschrijving-02.00.0000",
                              identification=f"kb.vlaanderen.be/aiv/{sender}",
                              capacity=CAPACITY[sender], insz="12031555672",
                              referte=referte or str(uuid.uuid4()))
    moment = dt.datetime.now(ZoneInfo("Europe/Brussels")) - age
    root.find(".//Tijdstip/Datum").text = moment.date().isoformat()
    root.find(".//Tijdstip/Tijd").text = moment.strftime("%H:%M:%S.000")
    return root


def _signed(kit, root, sender="groeipakket", key_pem=None, cert_pem=None) -> bytes:
    ConnectorSigner(key_pem or kit.key_pem(sender), cert_pem or kit.cert_pem(sender)) \
        .sign(root)
    return _out(root)


def _attack(body: bytes, **kwargs) -> Attack:
    return Attack(body, headers=HEADERS, operation=OPERATION, path=PATH, before_path=PATH,
                  **kwargs)


def _changed(data: bytes, change) -> bytes:
    root = _root(data)
    change(root)
    return _out(root)


# -- who may use the profile ---------------------------------------------------------------
@recipe
def connector_shape_from_strict_partner(kit):
    return _attack(_signed(kit, _unsigned("onderwijsinspectie"), "onderwijsinspectie"))


@recipe
def connector_shape_from_vendor(kit):
    return _attack(_signed(kit, _unsigned("informat"), "informat"))


@recipe
def connector_shape_on_school_side(kit):
    # A school message signed in the connector's shape: the school side has only the
    # strict profile, and without a Timestamp that is S150.
    root = _root(kit.signed())
    header, body, security = _parts(root)
    header.remove(security)
    del body.attrib[WSU_ID]
    return Attack(_signed(kit, root, "informat"))


# -- freshness and replay --------------------------------------------------------------------
@recipe
def connector_without_tijdstip(kit):
    root = _unsigned()
    tijdstip = root.find(".//Tijdstip")
    tijdstip.getparent().remove(tijdstip)
    return _attack(_signed(kit, root))


@recipe
def connector_stale_tijdstip(kit):
    return _attack(_signed(kit, _unsigned(age=dt.timedelta(minutes=6))))


@recipe
def connector_future_tijdstip(kit):
    return _attack(_signed(kit, _unsigned(age=-dt.timedelta(minutes=3))))


@recipe
def connector_exact_replay(kit):
    data = _signed(kit, _unsigned())
    return _attack(data, before=[data])


@recipe
def connector_replayed_referte(kit):
    # A new message, signed anew and later, that reuses an answered Referte.
    referte = str(uuid.uuid4())
    first = _signed(kit, _unsigned(referte=referte))
    second = _signed(kit, _unsigned(referte=referte, age=-dt.timedelta(seconds=2)))
    return _attack(second, before=[first])


# -- what is signed ------------------------------------------------------------------------
@recipe
def connector_body_not_signed(kit):
    def point_at_token(root):
        token = root.find(f".//{ns.BINARY_SECURITY_TOKEN}")
        root.find(f".//{{{DS}}}Reference").set("URI", "#" + token.get(WSU_ID))
    return _attack(_changed(_signed(kit, _unsigned()), point_at_token))


@recipe
def connector_moved_body(kit):
    # Signature wrapping: the signed Body moved into the Header, an unsigned one in its
    # place asking about another person.
    def wrap(root):
        header, body, _ = _parts(root)
        forged = etree.fromstring(etree.tostring(body))
        del forged.attrib[WSU_ID]
        for insz in forged.iter("INSZ"):
            insz.text = "85073003328"
        header.append(body)
        root.append(forged)
    return _attack(_changed(_signed(kit, _unsigned()), wrap))


@recipe
def connector_extra_reference(kit):
    def second_reference(root):
        signed_info = root.find(f".//{{{DS}}}SignedInfo")
        signed_info.append(etree.fromstring(etree.tostring(
            signed_info.find(f"{{{DS}}}Reference"))))
    return _attack(_changed(_signed(kit, _unsigned()), second_reference))


@recipe
def connector_sha256_digest(kit):
    def digest(root):
        root.find(f".//{{{DS}}}DigestMethod").set("Algorithm", ns.SHA256)
    return _attack(_changed(_signed(kit, _unsigned()), digest))


@recipe
def connector_altered_body(kit):
    def other_person(root):
        for insz in root.iter("INSZ"):
            insz.text = "85073003328"
    return _attack(_changed(_signed(kit, _unsigned()), other_person))


# -- the token -------------------------------------------------------------------------------
@recipe
def connector_x509v3_token(kit):
    # An X509v3 token without a Timestamp is no connector message: the strict profile
    # refuses it for its missing Timestamp.
    def single(root):
        root.find(f".//{ns.BINARY_SECURITY_TOKEN}").set("ValueType", ns.X509V3)
    return _attack(_changed(_signed(kit, _unsigned()), single))


@recipe
def connector_path_out_of_order(kit):
    ca_pem = kit.ca_pem()
    ca = x509.load_pem_x509_certificate(ca_pem)
    leaf = x509.load_pem_x509_certificate(kit.cert_pem("groeipakket"))
    data = _signed(kit, _unsigned(), cert_pem=kit.cert_pem("groeipakket") + ca_pem)

    def reverse(root):
        root.find(f".//{ns.BINARY_SECURITY_TOKEN}").text = base64.b64encode(
            pki_path([leaf, ca])).decode()
    return _attack(_changed(data, reverse))


@recipe
def connector_path_with_own_ca(kit):
    # A PkiPath brings its own CA and a "groeipakket" it issued: trust comes from the
    # emulator's CA only, never from the path.
    ca_key, key = (rsa.generate_private_key(65537, 2048) for _ in range(2))
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Discimus emulator CA")])
    now = dt.datetime.now(dt.timezone.utc)

    def issued(name, public, ca):
        return (x509.CertificateBuilder().subject_name(name).issuer_name(ca_name)
                .public_key(public).serial_number(x509.random_serial_number())
                .not_valid_before(now - dt.timedelta(days=1))
                .not_valid_after(now + dt.timedelta(days=30))
                .add_extension(x509.BasicConstraints(ca=ca, path_length=None), True)
                .add_extension(x509.KeyUsage(True, False, False, False, False, ca, ca,
                                             False, False), True)
                .sign(ca_key, hashes.SHA256()))
    ca = issued(ca_name, ca_key.public_key(), True)
    leaf = issued(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "groeipakket")]),
                  key.public_key(), False)
    pem = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in (leaf, ca))
    key_pem = key.private_bytes(serialization.Encoding.PEM,
                                serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return _attack(_signed(kit, _unsigned(), key_pem=key_pem, cert_pem=pem))

