#!/bin/sh
# GeefDubbeleInschrijvingen signed with the xmlsec1 command line, sent with curl, and
# the answer (or fault) verified with xmlsec1 against the server's certificate.
# usage: send.sh URL KEY CERT SERVER_CERT SENDER SCHOOL   (writes request.xml,
#        signed.xml and answer.xml in the current directory)
set -eu
URL=$1 KEY=$2 CERT=$3 SERVER_CERT=$4 SENDER=$5 SCHOOL=$6
TEMPLATE=$(dirname "$0")/request-template.xml
WSU=http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd
SOAP=http://schemas.xmlsoap.org/soap/envelope/

# 1. Fill in the template: the certificate, a fresh Timestamp (5 minutes), a new Referte.
NOW=$(date -u +%s)
sed -e "s|@TOKEN@|$(openssl x509 -in "$CERT" -outform DER | base64 -w0)|" \
    -e "s|@CREATED@|$(date -u -d "@$NOW" +%Y-%m-%dT%H:%M:%SZ)|" \
    -e "s|@EXPIRES@|$(date -u -d "@$((NOW + 300))" +%Y-%m-%dT%H:%M:%SZ)|" \
    -e "s|@DATE@|$(date -u -d "@$NOW" +%Y-%m-%d)|" \
    -e "s|@TIME@|$(date -u -d "@$NOW" +%H:%M:%S.000)|" \
    -e "s|@REFERTE@|$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')|g" \
    -e "s|@SENDER@|$SENDER|" -e "s|@SCHOOL@|$SCHOOL|" "$TEMPLATE" > request.xml

# 2. Sign the Body and the Timestamp (their wsu:Id attributes are the References' ids).
xmlsec1 --sign --privkey-pem "$KEY" \
    --id-attr:Id "$SOAP:Body" --id-attr:Id "$WSU:Timestamp" \
    --output signed.xml request.xml

# 3. Send it; SOAPAction is the operation's name, quoted, as the WSDL declares.
curl --silent --show-error --output answer.xml --write-out '%{http_code}\n' \
    --header 'Content-Type: text/xml; charset=utf-8' \
    --header 'SOAPAction: "GeefDubbeleInschrijvingen"' \
    --data-binary @signed.xml "$URL/inschrijving"

# 4. Verify the answer, or the fault, with the server's certificate (and nothing else).
sh "$(dirname "$0")/verify.sh" "$SERVER_CERT" answer.xml
