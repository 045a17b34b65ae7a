#!/bin/sh
# Verify a signed answer or fault of the emulator with xmlsec1, against the server's
# certificate only. xmlsec1 checks the cryptography; that the two References are the
# Body and the Timestamp is for the caller to check (the emulator signs nothing else).
# usage: verify.sh SERVER_CERT ANSWER
set -eu
WSU=http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd
SOAP=http://schemas.xmlsoap.org/soap/envelope/
xmlsec1 --verify --pubkey-cert-pem "$1" --enabled-reference-uris same-doc \
    --id-attr:Id "$SOAP:Body" --id-attr:Id "$WSU:Timestamp" "$2"
