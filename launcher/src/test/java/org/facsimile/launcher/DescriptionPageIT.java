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

    @Test
    void aCsvwDocumentDescribesTheDepositInsteadOfTheForms() throws Exception {
        ApiClient ivo = RunningRepository.newDepositor("ivo-imports");
        String deposit = DepositToPublishIT.createDeposit(ivo, "Draft title");
        String d = "/api/deposits/" + deposit;
        byte[] wards = "ward_id,wing\n1,east\n2,west\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] beds = "bed_id,ward_id,kind\n10,1,ICU\n11,1,general\n12,2,general\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(201, ivo.put(d + "/files/wards.csv", "text/csv", wards).status());
        assertEquals(201, ivo.put(d + "/files/beds.csv", "text/csv", beds).status());
        // the child first in the document: the import saves the referenced table first
        String csvw = "{\"@context\":\"http://www.w3.org/ns/csvw\",\"dc:title\":\"Hospital beds by ward\","
                + "\"dc:creator\":[\"Carberry, Josiah 0000-0002-1825-0097\"],\"dcat:keyword\":[\"beds\",\"wards\"],"
                + "\"tables\":[{\"url\":\"beds.csv\",\"tableSchema\":{\"columns\":[{\"name\":\"bed_id\",\"datatype\":\"integer\"},"
                + "{\"name\":\"ward_id\",\"datatype\":\"integer\"},{\"name\":\"kind\",\"datatype\":\"string\"}],"
                + "\"primaryKey\":\"bed_id\",\"foreignKeys\":[{\"columnReference\":\"ward_id\",\"reference\":"
                + "{\"resource\":\"wards.csv\",\"columnReference\":\"ward_id\"}}]}},"
                + "{\"url\":\"wards.csv\",\"tableSchema\":{\"columns\":[{\"name\":\"ward_id\",\"datatype\":\"integer\"},"
                + "{\"name\":\"wing\",\"datatype\":\"string\"}],\"primaryKey\":\"ward_id\"}}]}";

        ApiClient.Reply missing = ivo.put(
                d + "/csvw",
                "application/csvm+json",
                csvw.replace("\"url\":\"wards.csv\"", "\"url\":\"rooms.csv\"")
                        .replace("\"resource\":\"wards.csv\"", "\"resource\":\"rooms.csv\"")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(422, missing.status(), missing.body());
        assertEquals(
                "$.tables[1].url",
                missing.json().path("errors").get(0).path("pointer").asText());
        ApiClient.Reply broken = ivo.put(
                d + "/csvw",
                "application/csvm+json",
                "{\"tables\": [".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(422, broken.status(), broken.body());
        assertEquals("Draft title", ivo.get(d).json().path("title").asText(), "nothing changed by a refusal");

        ApiClient.Reply imported =
                ivo.put(d + "/csvw", "application/csvm+json", csvw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, imported.status(), imported.body());
        assertEquals("Hospital beds by ward", imported.json().path("title").asText());
        assertEquals(
                "Carberry, Josiah 0000-0002-1825-0097",
                imported.json().path("creators").get(0).asText());
        com.fasterxml.jackson.databind.JsonNode schema =
                ivo.get(d + "/files/beds.csv/schema").json();
        assertEquals("bed_id", schema.path("tableSchema").path("primaryKey").asText(), schema.toString());
        assertEquals(
                "wards.csv",
                schema.path("tableSchema")
                        .path("foreignKeys")
                        .get(0)
                        .path("reference")
                        .path("resource")
                        .asText(),
                schema.toString());

        // the same on the deposit page, for a depositor without the API
        RunningRepository.newAccount("iris-imports", "DEPOSITOR", "isle-and-inlet-63");
        FormBrowser page = new FormBrowser(RunningRepository.get().baseUrl());
        assertEquals(303, page.signIn("iris-imports", "isle-and-inlet-63").statusCode());
        String csrf = FormBrowser.field(page.get("/deposits/new").body(), "csrf");
        String path = FormBrowser.location(
                page.post("/deposits/new", Map.of("csrf", csrf, "title", "Ward drafts", "creators", "I")));
        HttpResponse<String> first = page.postFile(path + "/files", Map.of("csrf", csrf), "files", "wards.csv", wards);
        assertEquals(303, first.statusCode(), first.body());
        assertEquals(
                303,
                page.postFile(path + "/files", Map.of("csrf", csrf), "files", "beds.csv", beds)
                        .statusCode());
        assertTrue(page.get(path).body().contains("Import a CSVW description"));

        // a file saved as Excel's plain "CSV" on Windows: refused as UTF-8, saying what to do on
        // this page; taken once its encoding is chosen in the form
        String other = FormBrowser.location(
                page.post("/deposits/new", Map.of("csrf", csrf, "title", "Annex wards", "creators", "I")));
        byte[] windows = "ward_id,name\nw1,Unit\u00e9 de soins\nw2,Maternit\u00e9\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        HttpResponse<String> notUtf8 =
                page.postFile(other + "/files", Map.of("csrf", csrf), "files", "annex.csv", windows);
        assertEquals(422, notUtf8.statusCode());
        assertTrue(
                notUtf8.body().contains("not valid UTF-8") && notUtf8.body().contains("encoding choice"),
                notUtf8.body());
        assertEquals(
                303,
                page.postFile(
                                other + "/files",
                                new java.util.LinkedHashMap<>(Map.of("csrf", csrf, "encoding", "windows-1252")),
                                "files",
                                "annex.csv",
                                windows)
                        .statusCode(),
                "taken in the encoding chosen");
        assertTrue(page.get(other).body().contains("annex.csv"));
        HttpResponse<String> refused = page.postFile(
                path + "/csvw", Map.of("csrf", csrf), "csvw", "csv-metadata.json", "{\"tables\": [".getBytes());
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("The CSVW metadata was not imported"), refused.body());
        HttpResponse<String> done = page.postFile(
                path + "/csvw",
                Map.of("csrf", csrf),
                "csvw",
                "csv-metadata.json",
                csvw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(303, done.statusCode(), done.body());
        String shown = page.get(path).body();
        assertTrue(shown.contains("Hospital beds by ward"), "the document's title");

        // a double-clicked Synthesize: the second post finds the deposit queued, one job only
        Map<String, String> run = Map.of("csrf", csrf, "synthesizer", "baseline", "trainingSeconds", "60");
        assertEquals(303, page.post(path + "/submit", run).statusCode());
        HttpResponse<String> again = page.post(path + "/submit", run);
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("cannot be submitted now"), again.body());
        assertTrue(shown.contains("wards.csv &rarr; ward_id") || shown.contains("wards.csv \u2192 ward_id"), shown);
    }
}
