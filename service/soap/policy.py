"""The security requirement as a WS-SecurityPolicy 1.2 assertion for the WSDL.

It claims what the server enforces (docs/security.rst, ``client/wsse/verifying.py``)
and nothing more, so that a policy-aware stack (CXF/WSS4J, WCF) configures itself:

- AsymmetricBinding with X.509 v3 tokens: the sender's certificate always travels as a
  BinarySecurityToken (IncludeToken AlwaysToRecipient, WssX509V3Token10), and so does
  the server's in every answer (AlwaysToInitiator);
- a signed Timestamp (IncludeTimestamp) and the whole Body signed (SignedParts Body,
  OnlySignEntireHeadersAndBody): exactly the two References the verifier requires;
- Basic256Sha256: SHA-256 digests, exclusive c14n, RSA-SHA256 signatures, both ways:
  the server's default key is RSA-2048 (``security/pki.py``), so its answers follow the
  suite too. A PKI made with ``discimus pki init --server-key ec`` signs answers with
  ecdsa-sha256, which no 1.2 suite names: a stack that enforces the suite on answers
  (CXF/WSS4J) then refuses them, and WCF cannot verify them (docs/wcf.rst);
- Layout Lax: the verifier accepts the Security header's children in any order;
- Wss10 without options: the signature's KeyInfo is a direct Reference to the token;
  KeyIdentifier, IssuerSerial and embedded tokens are refused, so none is claimed;
- no encryption assertion: messages are signed, not encrypted (TLS is the transport's).
"""
from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

WSP = "http://www.w3.org/ns/ws-policy"
SP = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702"
WSU = ("http://docs.oasis-open.org/wss/2004/01/"
       "oasis-200401-wss-wssecurity-utility-1.0.xsd")
POLICY_ID = "SignedExchange"
_INCLUDE = f"{SP}/IncludeToken/"

_P = ElementMaker(namespace=WSP, nsmap={"wsp": WSP})
_S = ElementMaker(namespace=SP, nsmap={"sp": SP})


def _nested(*assertions) -> etree._Element:
    return _P.Policy(*assertions)


def _x509(include: str) -> etree._Element:
    return _S.X509Token({f"{{{SP}}}IncludeToken": _INCLUDE + include},
                        _nested(_S.WssX509V3Token10()))


def security_policy() -> etree._Element:
    """``wsp:Policy`` with the one alternative the service accepts."""
    binding = _S.AsymmetricBinding(_nested(
        _S.InitiatorToken(_nested(_x509("AlwaysToRecipient"))),
        _S.RecipientToken(_nested(_x509("AlwaysToInitiator"))),
        _S.AlgorithmSuite(_nested(_S.Basic256Sha256())),
        _S.Layout(_nested(_S.Lax())),
        _S.IncludeTimestamp(),
        _S.OnlySignEntireHeadersAndBody(),
    ))
    return _P.Policy({f"{{{WSU}}}Id": POLICY_ID}, _P.ExactlyOne(_P.All(
        binding,
        _S.Wss10(_nested()),
        _S.SignedParts(_S.Body()),
    )))


def policy_reference() -> etree._Element:
    """``wsp:PolicyReference`` to :func:`security_policy`, for a ``wsdl:binding``."""
    return _P.PolicyReference(URI=f"#{POLICY_ID}")
