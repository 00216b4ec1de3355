package org.facsimile.web.account;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;

/**
 * Sign-in through an OpenID Connect provider (an institution's single sign-on), configured by
 * MicroProfile Config ({@code facsimile.oidc.*}) and off while no issuer is set.
 *
 * <p>The authorization code flow, as the OpenID Connect core spec and the OAuth security best
 * current practice (RFC 9700) ask: the state is random, bound to the browser by a cookie, stored
 * hashed in the database (any web node may receive the callback) and used once; PKCE (S256)
 * binds the code to this sign-in; the ID token must carry the nonce sent and is checked against
 * the provider's published keys, its issuer, this client as audience, and its lifetime. The
 * provider's endpoints come from its discovery document. Built on the Nimbus OAuth 2.0 / OpenID
 * Connect SDK rather than Payara's own OpenID client, which protects container security
 * constraints rather than opening this repository's own sessions, and cannot be switched off by
 * configuration.
 */
@ApplicationScoped
public class OpenIdSignIn {

    private static final Logger LOG = Logger.getLogger(OpenIdSignIn.class.getName());

    /** The cookie binding a sign-in under way to the browser that started it. */
    public static final String STATE_COOKIE = "fcsm_oidc";

    /** Where to send the browser, and the state it must bring back. */
    public record Redirect(URI authorization, String state) {}

    /** What the provider vouched for: who (issuer and subject), and what it says of them. */
    public record Identity(String issuer, String subject, String username, String name, String email) {}

    /** A sign-in taken out of the database (once): what its callback needs. */
    public record Pending(String nonce, String codeVerifier, String returnTo) {}

    /** The provider as discovered, and the validator of its ID tokens. */
    private record Provider(String issuer, OIDCProviderMetadata metadata, IDTokenValidator validator) {}

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    Clock clock;

    private volatile Provider provider;

    public boolean enabled() {
        return !Setting.OIDC_ISSUER.get().isBlank();
    }

    /** Opens a sign-in: the provider's authorization URL for the browser, and the state to bind. */
    @Transactional
    public Redirect start(String returnTo) {
        Provider p = provider();
        Instant now = clock.now();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        em.createQuery("DELETE FROM OidcSignIn s WHERE s.createdAt < :t")
                .setParameter("t", now.minus(OidcSignIn.LIFETIME))
                .executeUpdate();
        em.persist(new OidcSignIn(
                Tokens.hash(state.getValue()), nonce.getValue(), verifier.getValue(), safeReturn(returnTo), now));
        AuthenticationRequest request = new AuthenticationRequest.Builder(
                        ResponseType.CODE,
                        com.nimbusds.oauth2.sdk.Scope.parse(scopes()),
                        new ClientID(Setting.OIDC_CLIENT_ID.get()),
                        redirectUri())
                .endpointURI(p.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        return new Redirect(request.toURI(), state.getValue());
    }

    /**
     * Takes the sign-in the callback names out of the database, in a transaction of its own so
     * that it is gone even when what follows fails: a state works once. The state must be the
     * one this browser's cookie holds (a callback link made for someone else's browser fails).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Pending take(String state, String cookieState) {
        if (state == null
                || cookieState == null
                || !MessageDigest.isEqual(
                        state.getBytes(StandardCharsets.UTF_8), cookieState.getBytes(StandardCharsets.UTF_8))) {
            throw invalidState("the sign-in was not started in this browser");
        }
        OidcSignIn pending = em.find(OidcSignIn.class, Tokens.hash(state), LockModeType.PESSIMISTIC_WRITE);
        if (pending == null) {
            throw invalidState("the sign-in is unknown or was already completed");
        }
        em.remove(pending);
        if (!pending.isLiveAt(clock.now())) {
            throw invalidState("the sign-in took longer than " + OidcSignIn.LIFETIME.toMinutes() + " minutes");
        }
        return new Pending(pending.nonce(), pending.codeVerifier(), pending.returnTo());
    }

    /**
     * Exchanges the code for tokens and checks the ID token; what it vouches for. {@code error} is
     * the provider's answer when it did not sign the user in (then there is no code).
     */
    public Identity redeem(Pending pending, String code, String error) {
        if (error != null) {
            throw failed("the provider did not sign you in: " + sanitized(error));
        }
        if (code == null || code.isBlank() || code.length() > 2048) {
            throw failed("the provider sent no authorization code");
        }
        Provider p = provider();
        TokenRequest request = new TokenRequest(
                p.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(
                        new ClientID(Setting.OIDC_CLIENT_ID.get()), new Secret(Setting.OIDC_CLIENT_SECRET.get())),
                new AuthorizationCodeGrant(
                        new AuthorizationCode(code), redirectUri(), new CodeVerifier(pending.codeVerifier())));
        TokenResponse response;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(5_000);
            http.setReadTimeout(15_000);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | ParseException e) {
            LOG.warning("OpenID token endpoint failed: " + e.getClass().getSimpleName());
            throw unavailable();
        }
        if (!response.indicatesSuccess()) {
            // the provider's error code is a fixed vocabulary (invalid_grant, ...), safe to show
            String refused = response.toErrorResponse().getErrorObject().getCode();
            throw failed("the provider refused the code: " + sanitized(refused));
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse())
                .getOIDCTokens()
                .getIDToken();
        IDTokenClaimsSet claims;
        try {
            claims = p.validator().validate(idToken, new Nonce(pending.nonce()));
        } catch (BadJOSEException | JOSEException e) {
            LOG.warning("OpenID ID token rejected: " + e.getMessage());
            throw failed("the provider's ID token did not check out");
        }
        return new Identity(
                claims.getIssuer().getValue(),
                claims.getSubject().getValue(),
                claims.getStringClaim(Setting.OIDC_USERNAME_CLAIM.get()),
                claims.getStringClaim("name"),
                claims.getStringClaim("email"));
    }

    /** The provider's metadata and ID token validator, read once from its discovery document. */
    private Provider provider() {
        String issuer = Setting.OIDC_ISSUER.get().strip();
        if (issuer.isEmpty()) {
            throw ProblemException.notFound("OpenID sign-in is not configured");
        }
        Provider known = provider;
        if (known != null && known.issuer().equals(issuer)) {
            return known;
        }
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), 5_000, 15_000);
            IDTokenValidator validator = new IDTokenValidator(
                    metadata.getIssuer(),
                    new ClientID(Setting.OIDC_CLIENT_ID.get()),
                    signingAlgorithm(metadata.getIDTokenJWSAlgs()),
                    metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(5_000, 15_000));
            known = new Provider(issuer, metadata, validator);
            provider = known;
            return known;
        } catch (GeneralException | IOException | RuntimeException e) {
            LOG.warning("OpenID provider discovery failed for " + issuer + ": " + e.getMessage());
            throw unavailable();
        }
    }

    /** RS256 when the provider offers it (every provider must), else the first asymmetric one. */
    private static JWSAlgorithm signingAlgorithm(List<JWSAlgorithm> offered) {
        if (offered == null || offered.isEmpty() || offered.contains(JWSAlgorithm.RS256)) {
            return JWSAlgorithm.RS256;
        }
        return offered.stream()
                .filter(a -> JWSAlgorithm.Family.RSA.contains(a) || JWSAlgorithm.Family.EC.contains(a))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the provider offers no asymmetric ID token signature"));
    }

    private static URI redirectUri() {
        return URI.create(Setting.BASE_URL.get().replaceAll("/+$", "") + "/api/auth/oidc/callback");
    }

    private static String scopes() {
        String scopes = Setting.OIDC_SCOPES.get().strip();
        return (" " + scopes + " ").contains(" openid ") ? scopes : "openid " + scopes;
    }

    /** Only a path on this site (no scheme, no host, no "//" that browsers read as a host). */
    static String safeReturn(String returnTo) {
        return Page.safeReturn(returnTo, "/");
    }

    private static String sanitized(String error) {
        return error == null ? "unknown" : error.replaceAll("[^a-z_]", "");
    }

    private static ProblemException invalidState(String detail) {
        return new ProblemException(400, "oidc-invalid-state", "Sign-in not recognised", detail);
    }

    private static ProblemException failed(String detail) {
        return new ProblemException(401, "oidc-sign-in-failed", "Sign-in failed", detail);
    }

    private static ProblemException unavailable() {
        return new ProblemException(
                        503,
                        "oidc-unavailable",
                        "Sign-in provider unavailable",
                        "the OpenID provider could not be reached")
                .retryAfter(30);
    }
}
