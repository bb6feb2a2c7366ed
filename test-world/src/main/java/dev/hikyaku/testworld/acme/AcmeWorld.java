package dev.hikyaku.testworld.acme;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxServer;
import dev.hikyaku.testworld.smtp.ReceivedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * A real ACME server for S/MIME (RFC 8555 with RFC 8823's {@code email} identifier and {@code email-reply-00}
 * challenge) on 127.0.0.1, over plain HTTP: directory, nonces, JWS-signed requests checked with jose4j, accounts,
 * orders, the challenge mail (token part 1 in its subject) sent by SMTP to the mailbox the test names, response
 * mails received by its own SMTP server and checked for the key authorization digest, finalization issuing from
 * {@link FixtureCa} with the emailProtection EKU, and the chain's download.
 */
public final class AcmeWorld implements AutoCloseable {
    /** The address the challenge mails come from (the challenge's {@code from}). */
    public static final String CHALLENGE_SENDER = "acme-challenge@ca.fixture.test";
    private static final String ERROR = "urn:ietf:params:acme:error:";

    private final FixtureCa ca;
    private final InetSocketAddress mailbox;
    private final HttpServer http;
    private final ExecutorService executor;
    private final MxServer responses;
    private final SecureRandom random = new SecureRandom();
    private final Object lock = new Object();
    private final Set<String> nonces = new HashSet<>();
    private final Map<String, PublicKey> accounts = new HashMap<>();
    private final Map<String, String> accountThumbprints = new HashMap<>();
    private final List<OrderRecord> orders = new ArrayList<>();
    private Optional<String> refusal = Optional.empty();

    private AcmeWorld(FixtureCa ca, InetSocketAddress mailbox, HttpServer http, ExecutorService executor, MxServer responses) {
        this.ca = ca;
        this.mailbox = mailbox;
        this.http = http;
        this.executor = executor;
        this.responses = responses;
    }

    /**
     * Starts the server on an ephemeral port of 127.0.0.1.
     *
     * @param ca      issues the certificates
     * @param mailbox the SMTP server (on loopback) that receives the user's mail: the challenge mails go there
     */
    public static AcmeWorld start(FixtureCa ca, InetSocketAddress mailbox) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        http.setExecutor(executor);
        AcmeWorld world = new AcmeWorld(ca, mailbox, http, executor, MxServer.start(MxBehaviour.plain()));
        http.createContext("/", world::handle);
        http.start();
        return world;
    }

    /** The directory URL to give the client. */
    public URI directory() {
        return base().resolve("/directory");
    }

    /** The terms of service the directory names. */
    public URI termsOfService() {
        return base().resolve("/terms");
    }

    /** The SMTP server (on loopback) where the response mails must go. */
    public InetSocketAddress responseServer() {
        return responses.address();
    }

    /** The response mails received so far. */
    public List<ReceivedMessage> responseMails() {
        return responses.messages();
    }

    /** From now on every response mail is refused, as a CA does whose DKIM or S/MIME check of it failed. */
    public void refuseResponses(String reason) {
        synchronized (lock) {
            refusal = Optional.of(reason);
        }
    }

    /** The key authorization digest the CA expects for the order with the given token part 1, for tests. */
    public Optional<String> expectedDigest(String tokenPart1) {
        synchronized (lock) {
            return orders.stream().filter(order -> order.tokenPart1.equals(tokenPart1)).findFirst().map(AcmeWorld::digest);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        responses.close();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("/directory")) {
                send(exchange, 200, "application/json", JsonUtil.toJson(directoryJson()));
            } else if (path.equals("/new-nonce")) {
                exchange.getResponseHeaders().add("Replay-Nonce", nonce());
                exchange.getResponseHeaders().add("Cache-Control", "no-store");
                exchange.sendResponseHeaders(method.equals("HEAD") ? 200 : 204, -1);
            } else if (method.equals("POST")) {
                post(exchange, path);
            } else {
                problem(exchange, 405, "malformed", "not here");
            }
        } catch (RuntimeException e) {
            problem(exchange, 500, "serverInternal", String.valueOf(e.getMessage()));
        }
    }

    private Map<String, Object> directoryJson() {
        Map<String, Object> directory = new LinkedHashMap<>();
        directory.put("newNonce", base().resolve("/new-nonce").toString());
        directory.put("newAccount", base().resolve("/new-account").toString());
        directory.put("newOrder", base().resolve("/new-order").toString());
        directory.put("meta", Map.of("termsOfService", termsOfService().toString()));
        return directory;
    }

    private void post(HttpExchange exchange, String path) throws IOException {
        JwsRequest request;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(64 * 1024);
            request = JwsRequest.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problem(exchange, 400, "malformed", e.getMessage());
            return;
        }
        synchronized (lock) {
            if (!nonces.remove(request.nonce())) {
                problem(exchange, 400, "badNonce", "unknown or used nonce");
                return;
            }
        }
        if (!request.url().equals(base().resolve(path).toString())) {
            problem(exchange, 401, "unauthorized", "the signed url is not this one");
            return;
        }
        if (path.equals("/new-account")) {
            newAccount(exchange, request);
            return;
        }
        PublicKey key;
        synchronized (lock) {
            key = request.kid().map(accounts::get).orElse(null);
        }
        if (key == null || !request.signedBy(key)) {
            problem(exchange, 401, "unauthorized", "unknown account or bad signature");
            return;
        }
        String account = request.kid().orElseThrow();
        if (path.equals("/new-order")) {
            newOrder(exchange, request, account);
            return;
        }
        String[] parts = path.split("/");
        Optional<OrderRecord> order = parts.length >= 3 ? find(parts[2], account) : Optional.empty();
        if (order.isEmpty()) {
            problem(exchange, 404, "malformed", "no such resource");
            return;
        }
        switch (parts[1] + (parts.length > 3 ? "/" + parts[3] : "")) {
            case "order" -> json(exchange, 200, orderJson(order.get()), Optional.empty());
            case "order/finalize" -> finalizeOrder(exchange, request, order.get());
            case "authz" -> json(exchange, 200, authorizationJson(order.get()), Optional.empty());
            case "chall" -> challenge(exchange, request, order.get());
            case "cert" -> certificate(exchange, order.get());
            default -> problem(exchange, 404, "malformed", "no such resource");
        }
    }

    private void newAccount(HttpExchange exchange, JwsRequest request) throws IOException {
        Optional<PublicJsonWebKey> jwk = request.jwk();
        if (jwk.isEmpty() || !request.signedBy(jwk.get().getPublicKey())) {
            problem(exchange, 400, "malformed", "a new account is signed with the key it sends");
            return;
        }
        if (!Boolean.TRUE.equals(request.json().get("termsOfServiceAgreed"))) {
            problem(exchange, 403, "userActionRequired", "agree to the terms of service first");
            return;
        }
        String thumbprint = jwk.get().calculateBase64urlEncodedThumbprint("SHA-256");
        String location = base().resolve("/account/" + thumbprint).toString();
        int status;
        synchronized (lock) {
            status = accounts.containsKey(location) ? 200 : 201;
            accounts.put(location, jwk.get().getPublicKey());
            accountThumbprints.put(location, thumbprint);
        }
        json(exchange, status, Map.of("status", "valid", "termsOfServiceAgreed", true), Optional.of(location));
    }

    private void newOrder(HttpExchange exchange, JwsRequest request, String account) throws IOException {
        Object identifiers = request.json().get("identifiers");
        if (!(identifiers instanceof List<?> list) || list.size() != 1 || !(list.get(0) instanceof Map<?, ?> identifier)
                || !"email".equals(identifier.get("type")) || !(identifier.get("value") instanceof String email)
                || !email.matches("[^@\\s<>]+@[^@\\s<>]+")) {
            problem(exchange, 400, "rejectedIdentifier", "this CA issues for one email identifier per order");
            return;
        }
        OrderRecord order;
        synchronized (lock) {
            order = new OrderRecord(orders.size() + 1, account, accountThumbprints.get(account), email, token(), token());
            orders.add(order);
        }
        try {
            MailDrop.send(mailbox, CHALLENGE_SENDER, email, challengeMail(order));
        } catch (IOException e) {
            problem(exchange, 500, "serverInternal", "the challenge mail could not be sent: " + e.getMessage());
            return;
        }
        json(exchange, 201, orderJson(order), Optional.of(base().resolve("/order/" + order.id).toString()));
    }

    private String challengeMail(OrderRecord order) {
        return "From: Fixture CA <" + CHALLENGE_SENDER + ">\r\n"
                + "To: <" + order.email + ">\r\n"
                + "Subject: ACME: " + order.tokenPart1 + "\r\n"
                + "Message-ID: <challenge-" + order.id + "@ca.fixture.test>\r\n"
                + "Auto-Submitted: auto-generated; type=acme\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "\r\n"
                + "This is an automatically generated ACME challenge for " + order.email + ".\r\n"
                + "If you did not request an S/MIME certificate, ignore this message.\r\n";
    }

    private void challenge(HttpExchange exchange, JwsRequest request, OrderRecord order) throws IOException {
        synchronized (lock) {
            if (!request.payload().isEmpty() && order.challengeStatus.equals("pending")) {
                order.triggered = true;
                order.challengeStatus = "processing";
            }
            judge(order);
        }
        json(exchange, 200, challengeJson(order), Optional.empty());
    }

    /** Looks for the order's response mail once the client said it is ready, and judges it. */
    private void judge(OrderRecord order) {
        if (!order.triggered || !order.challengeStatus.equals("processing")) {
            return;
        }
        for (ReceivedMessage mail : responses.messages()) {
            Optional<ResponseMail> response = ResponseMail.read(mail.raw());
            if (response.isEmpty() || !response.get().tokenPart1().equals(order.tokenPart1)) {
                continue;
            }
            if (refusal.isPresent()) {
                fail(order, refusal.get());
            } else if (!response.get().digest().equals(digest(order))) {
                fail(order, "the key authorization in the response mail is wrong");
            } else {
                order.challengeStatus = "valid";
                order.status = "ready";
            }
            return;
        }
    }

    private static void fail(OrderRecord order, String reason) {
        order.challengeStatus = "invalid";
        order.status = "invalid";
        order.error = Optional.of(reason);
    }

    private void finalizeOrder(HttpExchange exchange, JwsRequest request, OrderRecord order) throws IOException {
        synchronized (lock) {
            judge(order);
            if (!order.status.equals("ready")) {
                problem(exchange, 403, "orderNotReady", "the order is " + order.status);
                return;
            }
        }
        Object csr = request.json().get("csr");
        PublicKey key;
        try {
            PKCS10CertificationRequest parsed = new PKCS10CertificationRequest(Base64.getUrlDecoder().decode((String) csr));
            JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(parsed);
            key = jca.getPublicKey();
            if (!parsed.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))
                    || !requestedEmails(parsed).equals(List.of(order.email))) {
                problem(exchange, 400, "badCSR", "the CSR must be signed and name exactly the order's address");
                return;
            }
        } catch (Exception e) {
            problem(exchange, 400, "badCSR", "unreadable CSR");
            return;
        }
        synchronized (lock) {
            order.chain = ca.issue(key, ca.requestedSpec(order.email, key));
            order.status = "valid";
        }
        json(exchange, 200, orderJson(order), Optional.empty());
    }

    private static List<String> requestedEmails(PKCS10CertificationRequest csr) {
        List<String> emails = new ArrayList<>();
        for (var attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
            GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
            if (names != null) {
                for (GeneralName name : names.getNames()) {
                    if (name.getTagNo() == GeneralName.rfc822Name) {
                        emails.add(name.getName().toString());
                    }
                }
            }
        }
        return emails;
    }

    private void certificate(HttpExchange exchange, OrderRecord order) throws IOException {
        StringBuilder pem = new StringBuilder();
        try {
            for (X509Certificate certificate : order.chain) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
        } catch (CertificateEncodingException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        if (order.chain.isEmpty()) {
            problem(exchange, 404, "malformed", "not issued");
            return;
        }
        exchange.getResponseHeaders().add("Replay-Nonce", nonce());
        send(exchange, 200, "application/pem-certificate-chain", pem.toString());
    }

    private Map<String, Object> orderJson(OrderRecord order) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", order.status);
        json.put("identifiers", List.of(Map.of("type", "email", "value", order.email)));
        json.put("authorizations", List.of(base().resolve("/authz/" + order.id).toString()));
        json.put("finalize", base().resolve("/order/" + order.id + "/finalize").toString());
        if (order.status.equals("valid")) {
            json.put("certificate", base().resolve("/cert/" + order.id).toString());
        }
        order.error.ifPresent(detail -> json.put("error", problemJson("unauthorized", detail, 403)));
        return json;
    }

    private Map<String, Object> authorizationJson(OrderRecord order) {
        synchronized (lock) {
            judge(order);
        }
        return Map.of("status", order.authorizationStatus(), "identifier", Map.of("type", "email", "value", order.email),
                "challenges", List.of(challengeJson(order)));
    }

    private Map<String, Object> challengeJson(OrderRecord order) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "email-reply-00");
        json.put("url", base().resolve("/chall/" + order.id).toString());
        json.put("status", order.challengeStatus);
        json.put("token", order.tokenPart2);
        json.put("from", CHALLENGE_SENDER);
        order.error.ifPresent(detail -> json.put("error", problemJson("unauthorized", detail, 403)));
        return json;
    }

    private Optional<OrderRecord> find(String id, String account) {
        synchronized (lock) {
            return orders.stream().filter(order -> String.valueOf(order.id).equals(id) && order.accountUrl.equals(account))
                    .findFirst();
        }
    }

    private static String digest(OrderRecord order) {
        String keyAuthorization = order.tokenPart1 + order.tokenPart2 + "." + order.thumbprint;
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(keyAuthorization.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private String token() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String nonce() {
        String nonce = token();
        synchronized (lock) {
            nonces.add(nonce);
        }
        return nonce;
    }

    private void json(HttpExchange exchange, int status, Map<String, Object> body, Optional<String> location) throws IOException {
        location.ifPresent(url -> exchange.getResponseHeaders().add("Location", url));
        exchange.getResponseHeaders().add("Replay-Nonce", nonce());
        send(exchange, status, "application/json", JsonUtil.toJson(body));
    }

    private void problem(HttpExchange exchange, int status, String type, String detail) throws IOException {
        exchange.getResponseHeaders().add("Replay-Nonce", nonce());
        send(exchange, status, "application/problem+json", JsonUtil.toJson(problemJson(type, detail, status)));
    }

    private static Map<String, Object> problemJson(String type, String detail, int status) {
        return Map.of("type", ERROR + type, "detail", detail, "status", status);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
