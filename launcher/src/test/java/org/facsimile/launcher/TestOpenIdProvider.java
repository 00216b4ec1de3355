package org.facsimile.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small OpenID Connect provider for the system tests, speaking the real protocol: discovery,
 * JWKS, the authorization endpoint (it signs in whoever the test says, without a form) and the
 * token endpoint. It checks what a provider checks — the client's credentials, the redirect URI
 * registered, the code used once, the PKCE verifier against the challenge — and records every
 * refusal, so a test sees when the repository asked wrongly. It can be told to misbehave (sign
 * with a key it does not publish, name another audience, carry another nonce) to show the
 * repository refuses such ID tokens.
 */
final class TestOpenIdProvider implements AutoCloseable {

    /** A user the provider signs in next. */
    record User(String subject, String preferredUsername, String name, String email) {}

    /** Ways the next ID token goes wrong. */
    enum Fault {
        NONE,
        UNPUBLISHED_KEY,
        OTHER_AUDIENCE,
        OTHER_NONCE,
        EXPIRED
    }

    private record Grant(User user, String clientId, String redirectUri, String nonce, String challenge) {}

    private final HttpServer server;
    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final RSAKey key;
    private final RSAKey unpublished;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<String> refusals = new ArrayList<>();
    private volatile User next;
    private volatile Fault fault = Fault.NONE;

    TestOpenIdProvider(int port, String clientId, String clientSecret, String redirectUri) throws Exception {
        this.issuer = "http://localhost:" + port + "/realm";
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        this.key = new RSAKeyGenerator(2048).keyID("published").generate();
        this.unpublished = new RSAKeyGenerator(2048).keyID("published").generate();
        this.server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/realm/.well-known/openid-configuration", this::discovery);
        server.createContext("/realm/jwks", this::jwks);
        server.createContext("/realm/authorize", this::authorize);
        server.createContext("/realm/token", this::token);
        server.start();
    }

    String issuer() {
        return issuer;
    }

    void signInNext(User user, Fault fault) {
        this.next = user;
        this.fault = fault;
    }

    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", issuer + "/authorize");
        doc.put("token_endpoint", issuer + "/token");
        doc.put("jwks_uri", issuer + "/jwks");
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        doc.put("scopes_supported", List.of("openid", "profile", "email"));
        reply(exchange, 200, ApiClient.json(doc));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        reply(exchange, 200, "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}");
    }

    /** Signs in the user the test named and sends the browser back with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
        String problem = !clientId.equals(q.get("client_id"))
                ? "unknown client_id"
                : !redirectUri.equals(q.get("redirect_uri"))
                        ? "redirect_uri not registered: " + q.get("redirect_uri")
                        : !"code".equals(q.get("response_type"))
                                ? "response_type must be code"
                                : !(" " + q.get("scope") + " ").contains(" openid ")
                                        ? "scope lacks openid"
                                        : !"S256".equals(q.get("code_challenge_method"))
                                                ? "PKCE S256 required"
                                                : q.get("state") == null || q.get("nonce") == null
                                                        ? "state and nonce required"
                                                        : next == null ? "no user to sign in" : null;
        if (problem != null) {
            refuse("authorize: " + problem);
            reply(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(next, clientId, redirectUri, q.get("nonce"), q.get("code_challenge")));
        exchange.getResponseHeaders()
                .add(
                        "Location",
                        redirectUri + "?code=" + code + "&state="
                                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8) + "&iss="
                                + URLEncoder.encode(issuer, StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** Exchanges a code for an ID token, once, for the client that asked for it, with the right verifier. */
    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                                        + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod())
                || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            refuse("token: client authentication failed");
            reply(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = body.get("code") == null ? null : codes.remove(body.get("code"));
        String problem = !"authorization_code".equals(body.get("grant_type"))
                ? "grant_type must be authorization_code"
                : grant == null
                        ? "unknown or used code"
                        : !grant.redirectUri().equals(body.get("redirect_uri"))
                                ? "redirect_uri differs from the authorization request"
                                : !grant.challenge().equals(s256(body.get("code_verifier")))
                                        ? "PKCE verifier does not match the challenge"
                                        : null;
        if (problem != null) {
            refuse("token: " + problem);
            reply(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            reply(
                    exchange,
                    200,
                    ApiClient.json(Map.of(
                            "access_token",
                            UUID.randomUUID().toString(),
                            "token_type",
                            "Bearer",
                            "expires_in",
                            300,
                            "id_token",
                            idToken(grant))));
        } catch (JOSEException e) {
            throw new IOException(e);
        }
    }

    private String idToken(Grant grant) throws JOSEException {
        long now = System.currentTimeMillis();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(grant.user().subject())
                .audience(fault == Fault.OTHER_AUDIENCE ? "another-client" : grant.clientId())
                .issueTime(new Date(fault == Fault.EXPIRED ? now - 3_600_000 : now))
                .expirationTime(new Date(fault == Fault.EXPIRED ? now - 3_000_000 : now + 300_000))
                .claim("nonce", fault == Fault.OTHER_NONCE ? "not-the-nonce-sent" : grant.nonce())
                .claim("preferred_username", grant.user().preferredUsername())
                .claim("name", grant.user().name())
                .claim("email", grant.user().email());
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("published").build(), claims.build());
        jwt.sign(new RSASSASigner(fault == Fault.UNPUBLISHED_KEY ? unpublished : key));
        return jwt.serialize();
    }

    private synchronized void refuse(String why) {
        refusals.add(why);
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        HttpStubs.reply(exchange, status, "application/json", json);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
