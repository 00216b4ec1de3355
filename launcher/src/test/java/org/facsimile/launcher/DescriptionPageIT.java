package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A draft's description is edited on its own page: the form shows what is stored, a mistake is
 * marked at its field with everything typed kept, and creators may carry ORCID iDs.
 */
class DescriptionPageIT {

    @Test
    void aDraftsDescriptionIsEditedOnThePage() throws Exception {
        RunningRepository.newAccount("della-describes", "DEPOSITOR", "dune-and-dunlin-58");
        FormBrowser page = new FormBrowser(RunningRepository.get().baseUrl());
        assertEquals(303, page.signIn("della-describes", "dune-and-dunlin-58").statusCode());
        HttpResponse<String> blank = page.get("/deposits/new");
        HttpResponse<String> created = page.post(
                "/deposits/new",
                Map.of("csrf", FormBrowser.field(blank.body(), "csrf"), "title", "Dune transects", "creators", "D"));
        assertEquals(303, created.statusCode(), created.body());
        String path = FormBrowser.location(created);
        assertTrue(page.get(path).body().contains("Edit the description"));

        HttpResponse<String> form = page.get(path + "/metadata");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("value=\"Dune transects\""), "the stored title is in the form");
        String csrf = FormBrowser.field(form.body(), "csrf");

        HttpResponse<String> mistyped = page.post(
                path + "/metadata",
                Map.of(
                        "csrf", csrf,
                        "title", "Dune transects 2019-2023",
                        "description", "Marram cover per quadrat",
                        "creators", "Carberry, Josiah 0000-0002-1825-0098"));
        assertEquals(422, mistyped.statusCode());
        assertTrue(mistyped.body().contains("has a wrong check digit"), mistyped.body());
        assertTrue(mistyped.body().contains("aria-invalid=\"true\""), "the creators field is marked");
        assertTrue(mistyped.body().contains("Marram cover per quadrat"), "what was typed is kept");
        assertTrue(mistyped.body().contains("value=\"Dune transects 2019-2023\""), "what was typed is kept");

        HttpResponse<String> saved = page.post(
                path + "/metadata",
                Map.of(
                        "csrf", csrf,
                        "title", "Dune transects 2019-2023",
                        "description", "Marram cover per quadrat",
                        "creators", "Carberry, Josiah 0000-0002-1825-0097\nDune, Della",
                        "keywords", "dunes, marram"));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(path, FormBrowser.location(saved));
        HttpResponse<String> shown = page.get(path);
        assertTrue(shown.body().contains("Dune transects 2019-2023"), shown.body());
        assertTrue(shown.body().contains("marram"), shown.body());

        assertTrue(shown.body().contains("Carberry, Josiah 0000-0002-1825-0097"), "the creator with the iD");

        // a form sent after the session ended: to sign in, and back to the form to restore it
        FormBrowser expired = new FormBrowser(RunningRepository.get().baseUrl());
        HttpResponse<String> lost =
                expired.post(path + "/metadata", Map.of("csrf", csrf, "title", "Typed after the session ended"));
        assertEquals(303, lost.statusCode());
        String signIn = FormBrowser.location(lost);
        assertEquals(
                "/sign-in?returnTo="
                        + java.net.URLEncoder.encode(
                                path + "/metadata?restore=1", java.nio.charset.StandardCharsets.UTF_8),
                signIn);
        assertTrue(expired.get(signIn).body().contains("what you typed comes back in the form"));
        assertTrue(form.body().contains("data-keep"), "the form keeps what is typed in it");
        assertTrue(form.body().contains("/static/keep.js"), "by the page's script");
    }
}
