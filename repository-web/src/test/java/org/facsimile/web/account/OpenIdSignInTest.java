package org.facsimile.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenIdSignInTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/deposits/new", "/datasets?q=census&page=2", "/a/b#top"})
    void aPathOnThisSiteIsKept(String path) {
        assertEquals(path, OpenIdSignIn.safeReturn(path));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/",
                "//evil.example/x",
                "/\\evil.example",
                "evil",
                "javascript:alert(1)",
                "/ space",
                "/tab\tx",
                "/new\nline",
                ""
            })
    void anythingThatCouldLeaveTheSiteGoesHome(String returnTo) {
        assertEquals("/", OpenIdSignIn.safeReturn(returnTo));
    }

    @org.junit.jupiter.api.Test
    void noReturnOrAnEndlessOneGoesHome() {
        assertEquals("/", OpenIdSignIn.safeReturn(null));
        assertEquals("/", OpenIdSignIn.safeReturn("/" + "a".repeat(600)));
    }
}
