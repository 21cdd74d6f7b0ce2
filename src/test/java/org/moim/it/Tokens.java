package org.moim.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hand-made JWTs for attacking the server: other keys, other algorithms, bad claims. */
public final class Tokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** The claims the server itself would issue for the account, overridable by the caller. */
    public static JsonObject claims(String accountId, String issuer, String audience, Instant expires) {
        return Json.createObjectBuilder()
                .add("iss", issuer).add("aud", audience).add("sub", accountId).add("upn", accountId)
                .add("jti", UUID.randomUUID().toString()).add("sid", UUID.randomUUID().toString())
                .add("iat", Instant.now().getEpochSecond()).add("exp", expires.getEpochSecond())
                .add("groups", Json.createArrayBuilder().add("user"))
                .build();
    }

    /** The key the test server generated under its data directory. */
    public static PrivateKey serverKey() throws Exception {
        Path pem = Path.of(System.getenv("MOIM_DATA_DIR"), "keys", "jwt-signing-key.pem");
        String base64 = Files.readString(pem).replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    public static PrivateKey otherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    public static String rs256(JsonObject claims, PrivateKey key) throws Exception {
        String input = part("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + part(claims.toString());
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(signature.sign());
    }

    public static String unsigned(JsonObject claims) {
        return part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + part(claims.toString()) + ".";
    }

    /** HS256 keyed with the given bytes (e.g. the server's public key: algorithm confusion). */
    public static String hs256(JsonObject claims, byte[] secret) throws Exception {
        String input = part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + part(claims.toString());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The claims part of a token the server issued. */
    public static JsonObject read(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new java.io.StringReader(payload)).readObject();
    }

    private static String part(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
