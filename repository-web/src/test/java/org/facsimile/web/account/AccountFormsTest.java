package org.facsimile.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.facsimile.web.platform.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The account pages' forms, checked without a server or a browser. */
class AccountFormsTest {

    @Test
    void aCompleteTokenFormReads() {
        AccountPages.TokenForm form = AccountPages.TokenForm.read(" laptop ", List.of("read", "deposit"), "30");
        assertNull(form.error());
        assertEquals("laptop", form.label());
        assertEquals(Set.of(Scope.READ, Scope.DEPOSIT), form.scopes());
        assertEquals(30, form.days());
    }

    @Test
    void eachMistakeIsNamedAndWhatWasTypedKept() {
        assertTrue(
                AccountPages.TokenForm.read("", List.of("read"), "30").error().contains("name"));
        assertTrue(AccountPages.TokenForm.read("x".repeat(101), List.of("read"), "30")
                .error()
                .contains("100"));
        assertTrue(AccountPages.TokenForm.read("a", List.of(), "30").error().contains("permission"));
        assertTrue(
                AccountPages.TokenForm.read("a", List.of("root"), "30").error().contains("root"));
        assertTrue(AccountPages.TokenForm.read("a", List.of("read"), "ninety")
                .error()
                .contains("number"));
        assertTrue(
                AccountPages.TokenForm.read("a", List.of("read"), "400").error().contains("365"));
        assertEquals(
                "kept", AccountPages.TokenForm.read("kept", List.of(), "30").label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example/", "/\\evil", "account", "/a b", "/\u0007"})
    void signInNeverReturnsToAnotherSite(String returnTo) {
        assertEquals("/deposits", Page.safeReturn(returnTo, "/deposits"));
    }

    @Test
    void aPathOfThisSiteIsKept() {
        assertEquals("/account?tab=tokens", Page.safeReturn("/account?tab=tokens", "/deposits"));
    }
}
