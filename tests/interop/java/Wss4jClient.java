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
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.ws.security.WSConstants;
import org.apache.ws.security.WSDataRef;
import org.apache.ws.security.WSSConfig;
import org.apache.ws.security.WSEncryptionPart;
import org.apache.ws.security.WSPasswordCallback;
import org.apache.ws.security.WSSecurityEngine;
import org.apache.ws.security.WSSecurityEngineResult;
import org.apache.ws.security.components.crypto.Merlin;
import org.apache.ws.security.handler.RequestData;
import org.apache.ws.security.handler.WSHandler;
import org.apache.ws.security.handler.WSHandlerConstants;
import org.apache.ws.security.message.WSSecHeader;
import org.apache.ws.security.message.WSSecSignature;
import org.apache.ws.security.message.WSSecTimestamp;
import org.apache.ws.security.util.WSSecurityUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A vendor's Apache WSS4J 1.6 client for the Discimus emulator: signs a
 * GeefDubbeleInschrijvingen request, posts it, and verifies the answer (or the fault) with
 * WSSecurityEngine against a truststore holding the emulator CA, pinned to server.pem.
 *
 * usage: Wss4jClient URL PKI_DIR SENDER SCHOOL OUT_DIR [SETTING...]
 * SETTING is what the profile changes from WSS4J's defaults, any of: signatureAlgorithm,
 * signatureParts, digestAlgorithm, keyIdentifier; "profile" means all four. Without any,
 * WSS4J's own defaults are used (RSA-SHA1, SHA-1, IssuerSerial, only the Body signed).
 * "properties=FILE" signs through WSS4J's handler with CXF's properties from FILE instead.
 * Prints the HTTP status, then "verified" or exits 3; the XML goes to OUT_DIR.
 */
public final class Wss4jClient {
    static final String NS = "urn:discimus-emulator:inschrijving:01.00";
    static final String GENERIEK = "urn:discimus-emulator:generiek:02.00";
    static final String OPERATION = "GeefDubbeleInschrijvingen";
    static final String PASSWORD = "changeit";   // of the in-memory keystore only

    public static void main(String[] args) throws Exception {
        String url = args[0], sender = args[2], school = args[3];
        Path pki = Paths.get(args[1]), out = Paths.get(args[4]);
        Set<String> settings = new HashSet<>(Arrays.asList(args).subList(5, args.length));
        if (settings.remove("profile")) {
            settings.addAll(Arrays.asList("signatureAlgorithm", "signatureParts",
                                          "digestAlgorithm", "keyIdentifier"));
        }
        X509Certificate cert = certificate(pki.resolve(sender + ".pem"));
        X509Certificate ca = certificate(pki.resolve("ca.pem"));
        X509Certificate server = certificate(pki.resolve("server.pem"));

        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(sender, privateKey(pki.resolve(sender + ".key")),
                         PASSWORD.toCharArray(), new X509Certificate[] {cert});
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("discimus-ca", ca);
        Merlin crypto = new Merlin();
        crypto.setKeyStore(keys);
        crypto.setTrustStore(trust);

        Document request = request(sender, school);
        String properties = settings.stream().filter(s -> s.startsWith("properties="))
            .findFirst().orElse(null);
        if (properties != null) {
            signAsCxf(request, Paths.get(properties.substring("properties=".length())), crypto);
        } else {
            sign(request, settings, sender, crypto);
        }
        byte[] sent = serialize(request);
        Files.write(out.resolve("wss4j-request.xml"), sent);

        HttpURLConnection http = (HttpURLConnection) new URL(url + "/inschrijving").openConnection();
        http.setDoOutput(true);
        http.setRequestMethod("POST");
        http.setRequestProperty("Content-Type", "text/xml; charset=utf-8");
        http.setRequestProperty("SOAPAction", "\"" + OPERATION + "\"");
        try (OutputStream body = http.getOutputStream()) {
            body.write(sent);
        }
        int status = http.getResponseCode();
        byte[] answer;
        try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
            answer = in.readAllBytes();
        }
        Files.write(out.resolve("wss4j-answer.xml"), answer);
        System.out.println("status " + status);

        // The answer and the fault alike: signature, certificate trust (the emulator CA),
        // Timestamp freshness, then that it is the server's certificate and covers the Body.
        Document response = parse(answer);
        RequestData verifying = new RequestData();
        verifying.setWssConfig(WSSConfig.getNewInstance());
        verifying.setSigCrypto(crypto);
        verifying.setSubjectCertConstraints(Collections.singletonList(
            Pattern.compile(Pattern.quote(server.getSubjectX500Principal().getName()))));
        List<WSSecurityEngineResult> results = new WSSecurityEngine().processSecurityHeader(
            WSSecurityUtil.getSecurityHeader(response, null), verifying);
        X509Certificate signer = null;
        Set<String> signed = new HashSet<>();
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
        if (!signed.contains("Body") || !signed.contains("Timestamp")) {
            System.out.println("the signature does not cover the Body and the Timestamp: " + signed);
            System.exit(3);
        }
        System.out.println("verified " + signer.getSubjectX500Principal().getName());
    }

    /** WSSecHeader, WSSecTimestamp, WSSecSignature: WSS4J's defaults but for ``settings``. */
    static void sign(Document request, Set<String> settings, String sender, Merlin crypto)
            throws Exception {
        WSSecHeader header = new WSSecHeader();
        header.insertSecurityHeader(request);
        WSSecTimestamp timestamp = new WSSecTimestamp();   // default: 300 s to live
        timestamp.build(request, header);

        WSSecSignature signature = new WSSecSignature();
        signature.setUserInfo(sender, PASSWORD);
        // What the emulator's profile requires, each a change from WSS4J's default.
        // rsa-sha1 and sha1: SHA-1 is broken, the profile refuses it.
        if (settings.contains("signatureAlgorithm")) {      // default: rsa-sha1
            signature.setSignatureAlgorithm("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        }
        if (settings.contains("digestAlgorithm")) {         // default: sha1
            signature.setDigestAlgo("http://www.w3.org/2001/04/xmlenc#sha256");
        }
        // IssuerSerial names a certificate the service would have to hold already; it
        // knows the sender only from the certificate in the message (a BST).
        if (settings.contains("keyIdentifier")) {           // default: IssuerSerial
            signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        }
        // An unsigned Timestamp proves no freshness, and freshness stops replays.
        if (settings.contains("signatureParts")) {          // default: the Body only
            List<WSEncryptionPart> parts = new ArrayList<>();
            parts.add(new WSEncryptionPart(WSConstants.TIMESTAMP_TOKEN_LN, WSConstants.WSU_NS, ""));
            parts.add(new WSEncryptionPart(WSConstants.ELEM_BODY, WSConstants.URI_SOAP11_ENV, ""));
            signature.setParts(parts);
        }
        signature.build(request, crypto, header);
    }

    /**
     * The same through WSS4J's handler, configured by the properties CXF's
     * WSS4JOutInterceptor takes (the README's list, in a file); only the keystore and the
     * password callback are given as objects, as a CXF configuration would reference them.
     */
    static void signAsCxf(Document request, Path file, Merlin crypto) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        Map<String, Object> context = new HashMap<>();
        properties.forEach((key, value) -> context.put((String) key, value));
        context.put(WSHandlerConstants.SIG_PROP_REF_ID, "keystore");
        context.put("keystore", crypto);
        CallbackHandler passwords = callbacks -> {
            for (Callback callback : callbacks) {
                ((WSPasswordCallback) callback).setPassword(PASSWORD);
            }
        };
        context.put(WSHandlerConstants.PW_CALLBACK_REF, passwords);
        new PropertiesHandler().send(request, context);
    }

    static final class PropertiesHandler extends WSHandler {
        void send(Document request, Map<String, Object> context) throws Exception {
            RequestData data = new RequestData();
            data.setMsgContext(context);
            List<Integer> actions = new ArrayList<>();
            int action = WSSecurityUtil.decodeAction((String) context.get(WSHandlerConstants.ACTION),
                                                     actions);
            doSenderAction(action, request, data, actions, true);
        }

        @Override public Object getOption(String key) { return null; }

        @SuppressWarnings("unchecked")
        @Override public Object getProperty(Object context, String key) {
            return ((Map<String, Object>) context).get(key);
        }

        @SuppressWarnings("unchecked")
        @Override public void setProperty(Object context, String key, Object value) {
            ((Map<String, Object>) context).put(key, value);
        }

        @Override public String getPassword(Object context) { return null; }

        @Override public void setPassword(Object context, String password) { }
    }

    /** The unsigned request, built with DOM. */
    static Document request(String sender, String school) throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        Element envelope = doc.createElementNS(WSConstants.URI_SOAP11_ENV, "soap:Envelope");
        doc.appendChild(envelope);
        // Declared as attributes: the canonicalisation WSS4J signs with reads the DOM's
        // xmlns attributes, which createElementNS alone does not add.
        String xmlns = "http://www.w3.org/2000/xmlns/";
        envelope.setAttributeNS(xmlns, "xmlns:soap", WSConstants.URI_SOAP11_ENV);
        envelope.setAttributeNS(xmlns, "xmlns:d", NS);
        envelope.setAttributeNS(xmlns, "xmlns:g", GENERIEK);
        envelope.appendChild(doc.createElementNS(WSConstants.URI_SOAP11_ENV, "soap:Header"));
        Element body = add(envelope, WSConstants.URI_SOAP11_ENV, "soap:Body", null);
        Element verzoek = add(add(body, NS, "d:" + OPERATION, null), NS, "d:Verzoek", null);
        String referte = UUID.randomUUID().toString().replace("-", "");
        Date now = new Date();
        Element context = add(verzoek, NS, "d:Context", null);
        add(context, GENERIEK, "g:Naam", "DISCIMUS");
        add(context, GENERIEK, "g:Versie", "01.00.0000");
        Element bericht = add(context, GENERIEK, "g:Bericht", null);
        add(bericht, GENERIEK, "g:Type", "VRAAG");
        Element tijdstip = add(bericht, GENERIEK, "g:Tijdstip", null);
        add(tijdstip, GENERIEK, "g:Datum", utc("yyyy-MM-dd", now));
        add(tijdstip, GENERIEK, "g:Tijd", utc("HH:mm:ss.SSS", now));
        Element afzender = add(bericht, GENERIEK, "g:Afzender", null);
        add(afzender, GENERIEK, "g:Identificatie", sender);
        add(afzender, GENERIEK, "g:Referte", referte);
        Element vraag = add(add(verzoek, NS, "d:Vragen", null), NS, "d:Vraag", null);
        add(vraag, NS, "d:Referte", referte);
        add(add(vraag, NS, "d:Inhoud", null), NS, "d:Instellingsnummer", school);
        return doc;
    }

    static Element add(Element parent, String ns, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(ns, name);
        if (text != null) {
            child.setTextContent(text);
        }
        parent.appendChild(child);
        return child;
    }

    static String utc(String pattern, Date moment) {
        SimpleDateFormat format = new SimpleDateFormat(pattern);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(moment);
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
