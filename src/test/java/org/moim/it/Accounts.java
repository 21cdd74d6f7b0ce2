package org.moim.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

/** Accounts made through the public API, for tests that need someone signed in. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery";

    private Accounts() {
    }

    /** Someone signed in: their email, id and current token pair. */
    public record SignedIn(String email, String id, String accessToken, String refreshToken) {
    }

    public static SignedIn signUp(Api api, String name) {
        String email = Api.newEmail(name.toLowerCase().replaceAll("[^a-z]", ""));
        Api.Reply registered = api.post("/api/v1/auth/register", Api.json("email", email, "password", PASSWORD, "displayName", name));
        assertThat(registered.status()).as("register %s", registered).isEqualTo(201);
        return signIn(api, email, PASSWORD, registered.json().getString("id"));
    }

    public static SignedIn signIn(Api api, String email, String password, String id) {
        Api.Reply login = api.post("/api/v1/auth/login", Api.json("email", email, "password", password));
        assertThat(login.status()).as("login %s", login).isEqualTo(200);
        JsonObject tokens = login.json();
        return new SignedIn(email, id, tokens.getString("accessToken"), tokens.getString("refreshToken"));
    }
}
