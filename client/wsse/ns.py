"""XML namespaces and algorithm identifiers of the WS-Security profile, in one place."""
SOAP11_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12_ENV = "http://www.w3.org/2003/05/soap-envelope"
WSSE = ("http://docs.oasis-open.org/wss/2004/01/"
        "oasis-200401-wss-wssecurity-secext-1.0.xsd")
WSU = ("http://docs.oasis-open.org/wss/2004/01/"
       "oasis-200401-wss-wssecurity-utility-1.0.xsd")
DS = "http://www.w3.org/2000/09/xmldsig#"

X509V3 = ("http://docs.oasis-open.org/wss/2004/01/"
          "oasis-200401-wss-x509-token-profile-1.0#X509v3")
# X.509 Token Profile 1.0 §3.1: a PkiPath (DER SEQUENCE OF Certificate, issuer first), the
# token MAGDA's Java connector sends (WSS4J PKIPathSecurity); magda-connector profile only.
X509_PKIPATH = ("http://docs.oasis-open.org/wss/2004/01/"
                "oasis-200401-wss-x509-token-profile-1.0#X509PKIPathv1")
BASE64 = ("http://docs.oasis-open.org/wss/2004/01/"
          "oasis-200401-wss-soap-message-security-1.0#Base64Binary")
# Namespaces we only recognise in order to refuse them precisely.
WSSE11 = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd"
XENC = "http://www.w3.org/2001/04/xmlenc#"
WSA_NAMESPACES = ("http://www.w3.org/2005/08/addressing",
                  "http://schemas.xmlsoap.org/ws/2004/08/addressing")
# SOAP 1.1 §4.2.2: the actor every SOAP node, the ultimate receiver included, plays.
SOAP11_NEXT_ACTOR = "http://schemas.xmlsoap.org/soap/actor/next"

EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
RSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384"
RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"
ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
ECDSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384"
ECDSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
# SHA-1: only the magda-connector profile takes them (MAGDA's connector hard-codes them).
RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1"
SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384"
SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512"


def qname(namespace: str, local: str) -> str:
    """Clark notation, ``{namespace}local``."""
    return f"{{{namespace}}}{local}"


WSU_ID = qname(WSU, "Id")
SECURITY = qname(WSSE, "Security")
TIMESTAMP = qname(WSU, "Timestamp")
SIGNATURE = qname(DS, "Signature")
BINARY_SECURITY_TOKEN = qname(WSSE, "BinarySecurityToken")
TOKEN_TYPE = qname(WSSE11, "TokenType")
MUST_UNDERSTAND = qname(SOAP11_ENV, "mustUnderstand")
ACTOR = qname(SOAP11_ENV, "actor")
