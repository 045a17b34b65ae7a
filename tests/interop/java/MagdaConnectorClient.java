import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.ws.security.WSConstants;
import org.apache.ws.security.WSDataRef;
import org.apache.ws.security.WSEncryptionPart;
import org.apache.ws.security.WSSConfig;
import org.apache.ws.security.WSSecurityEngine;
import org.apache.ws.security.WSSecurityEngineResult;
import org.apache.ws.security.components.crypto.Merlin;
import org.apache.ws.security.message.WSSecHeader;
import org.apache.ws.security.message.WSSecSignature;
import org.apache.ws.security.util.WSSecurityUtil;
import org.w3c.dom.Document;

/**
 * MAGDA's own Java connector against the emulator, in WSS4J 1.6 terms: signs an unsigned
 * MAGDA request the way MAGDA-Mock's DocumentSigner does (WSSecSignature with RSA-SHA1,
 * WSS4J's default SHA-1 digest, exclusive c14n, only the SOAP Body, BST_DIRECT_REFERENCE
 * with useSingleCertificate=false, i.e. an X509PKIPathv1 token of the keystore's chain,
 * no Timestamp), posts it with SOAPAction "" as MagdaSoapConnection does, and verifies the
 * answer as its DocumentSignatureVerifier does: normalizeDocument, then
 * WSSecurityEngine.processSecurityHeader(doc, null, null, crypto).
 *
 * usage: MagdaConnectorClient URL PKI_DIR SENDER REQUEST_FILE OUT_DIR
 * Prints the HTTP status, then "verified <signer DN>" and "signed <parts>", or exits 3;
 * the signed request and the answer go to OUT_DIR.
 */
public final class MagdaConnectorClient {
    static final String PASSWORD = "changeit";   // of the in-memory keystore only
    static final String PATH = "/api/Magda-02.00/soap/WebService";

    public static void main(String[] args) throws Exception {
        WSSConfig.init();
        String url = args[0], sender = args[2];
        Path pki = Paths.get(args[1]), out = Paths.get(args[4]);
        X509Certificate cert = certificate(pki.resolve(sender + ".pem"));
        X509Certificate ca = certificate(pki.resolve("ca.pem"));
        X509Certificate server = certificate(pki.resolve("server.pem"));

        // A connector keystore: the partner's key with its chain (the PkiPath sends both).
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(sender, privateKey(pki.resolve(sender + ".key")),
                         PASSWORD.toCharArray(), new X509Certificate[] {cert, ca});
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("discimus-ca", ca);
        Merlin crypto = new Merlin();
        crypto.setKeyStore(keys);
        crypto.setTrustStore(trust);

        Document request = parse(Files.readAllBytes(Paths.get(args[3])));
        WSSecHeader header = new WSSecHeader();
        header.insertSecurityHeader(request);
        WSSecSignature signature = new WSSecSignature();
        signature.setUserInfo(sender, PASSWORD);
        signature.setSignatureAlgorithm(WSConstants.RSA_SHA1);
        signature.setSigCanonicalization(WSConstants.C14N_EXCL_OMIT_COMMENTS);
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setUseSingleCertificate(false);
        List<WSEncryptionPart> parts = new ArrayList<>();
        parts.add(new WSEncryptionPart(WSConstants.ELEM_BODY,
            WSSecurityUtil.getSOAPNamespace(request.getDocumentElement()), ""));
        signature.setParts(parts);
        signature.build(request, crypto, header);
        byte[] sent = serialize(request);
        Files.write(out.resolve("connector-request.xml"), sent);

        HttpURLConnection http = (HttpURLConnection) new URL(url + PATH).openConnection();
        http.setDoOutput(true);
        http.setRequestMethod("POST");
        http.setRequestProperty("Content-Type", "text/xml;charset=UTF-8");
        http.setRequestProperty("SOAPAction", "\"\"");
        try (OutputStream body = http.getOutputStream()) {
            body.write(sent);
        }
        int status = http.getResponseCode();
        byte[] answer;
        try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
            answer = in.readAllBytes();
        }
        Files.write(out.resolve("connector-answer.xml"), answer);
        System.out.println("status " + status);

        Document response = parse(answer);
        response.normalizeDocument();
        List<WSSecurityEngineResult> results =
            new WSSecurityEngine().processSecurityHeader(response, null, null, crypto);
        if (results == null) {
            System.out.println("the answer is not signed");
            System.exit(3);
        }
        X509Certificate signer = null;
        Set<String> signed = new TreeSet<>();
        for (WSSecurityEngineResult result : results) {
            if (((Integer) result.get(WSSecurityEngineResult.TAG_ACTION)) == WSConstants.SIGN) {
                signer = (X509Certificate) result.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
                @SuppressWarnings("unchecked")
                List<WSDataRef> refs = (List<WSDataRef>) result.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
                for (WSDataRef ref : refs) {
                    signed.add(ref.getProtectedElement().getLocalName());
                }
            }
        }
        if (signer == null || !signer.equals(server)) {
            System.out.println("not signed by server.pem");
            System.exit(3);
        }
        System.out.println("verified " + signer.getSubjectX500Principal().getName());
        System.out.println("signed " + String.join(",", signed));
    }

    static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static PrivateKey privateKey(Path pem) throws Exception {
        String text = new String(Files.readAllBytes(pem), "US-ASCII")
            .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text));
        return KeyFactory.getInstance("RSA").generatePrivate(spec);
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultNSInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static byte[] serialize(Document doc) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer()
            .transform(new DOMSource(doc), new StreamResult(bytes));
        return bytes.toByteArray();
    }
}
