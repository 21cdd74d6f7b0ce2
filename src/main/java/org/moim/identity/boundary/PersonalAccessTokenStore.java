package org.moim.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.moim.identity.control.PersonalAccessTokens;
import org.moim.identity.control.PersonalAccessTokens.Resolved;
import org.moim.platform.security.TokenScope;
import org.moim.platform.web.MoimApi;

/**
 * Where a personal access token becomes a caller: MicroProfile JWT's authentication mechanism
 * hands every {@code Authorization: Bearer} value to the identity stores, this one first. A value
 * with the {@code moim_pat_} prefix is looked up here; anything else is left to the JWT store.
 *
 * <p>The caller is the same kind of principal a signed JWT gives ({@code sub}, {@code upn},
 * {@code groups}, {@code jti}, {@code sid}, {@code exp}), plus {@code pat} (the token's id),
 * {@code scope} and {@code bot}, so every resource that reads {@code JsonWebToken} works unchanged
 * and {@code AccessTokenFilter}, the one place requests are authorized, sees scopes. Its
 * {@code sid} is {@code pat-<id>}: revoking the token denies it on the shared deny-list.
 */
@ApplicationScoped
public class PersonalAccessTokenStore implements IdentityStore {

    /** Payara's JWT principal: what {@code @Inject JsonWebToken} resolves to. */
    private static final String JWT_PRINCIPAL = "fish.payara.microprofile.jwtauth.jwt.JsonWebTokenImpl";

    @Inject
    PersonalAccessTokens tokens;

    @Override
    public int priority() {
        return 10;
    }

    /** Validates and provides groups: the handler keeps a result's groups only from stores that provide them. */
    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    @Override
    @Transactional
    public CredentialValidationResult validate(Credential credential) {
        String presented = bearer(credential);
        if (presented == null || !presented.startsWith(PersonalAccessTokens.PREFIX)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<Resolved> resolved = tokens.resolve(presented);
        if (resolved.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(principal(credential, resolved.get()), Set.of(MoimApi.USER));
    }

    /** The bearer value of MicroProfile JWT's credential ({@code SignedJWTCredential.getSignedJWT()}). */
    private static String bearer(Credential credential) {
        try {
            Object value = credential.getClass().getMethod("getSignedJWT").invoke(credential);
            return value instanceof String s ? s.strip() : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static CallerPrincipal principal(Credential credential, Resolved token) {
        String session = PersonalAccessTokens.SESSION_PREFIX + token.tokenId();
        JsonObject claims = Json.createObjectBuilder()
                .add("sub", token.accountId())
                .add("upn", token.accountId())
                .add("jti", session)
                .add("sid", session)
                .add("exp", token.expiresAt().getEpochSecond())
                .add("groups", Json.createArrayBuilder().add(MoimApi.USER))
                .add("pat", token.tokenId())
                .add("scope", TokenScope.format(token.scopes()))
                .add("bot", token.bot())
                .build();
        try {
            Class<?> type = Class.forName(JWT_PRINCIPAL, true, credential.getClass().getClassLoader());
            Constructor<?> constructor = type.getConstructor(String.class, Map.class);
            return (CallerPrincipal) constructor.newInstance(token.accountId(), Map.<String, JsonValue>copyOf(claims));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("MicroProfile JWT's principal type is not " + JWT_PRINCIPAL, e);
        }
    }
}
