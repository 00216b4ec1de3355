package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every refusal is application/problem+json saying what and where, and nothing is stored half-way. */
class BadInputIT {

    private static ApiClient carol;
    private static String carolToken;
    private static String deposit;

    @BeforeAll
    static void setUp() throws Exception {
        carol = RunningRepository.newDepositor("carol");
        carolToken = carol.token();
        deposit = DepositToPublishIT.createDeposit(carol, "Bad input probe");
    }

    private static JsonNode problem(ApiClient.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.header("Content-Type"));
        JsonNode problem = reply.json();
        assertEquals(status, problem.path("status").asInt());
        assertFalse(problem.path("title").asText().isEmpty());
        assertFalse(problem.path("detail").asText().isEmpty());
        return problem;
    }

    private static JsonNode upload(String name, byte[] body, int status) throws Exception {
        return problem(carol.put("/api/deposits/" + deposit + "/files/" + name, "text/csv", body), status);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void tokensAreRequiredAndChecked() throws Exception {
        ApiClient.Reply none = carol.as(null).get("/api/deposits");
        problem(none, 401);
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"));
        problem(carol.as("fcsm_not-a-real-token").get("/api/deposits"), 401);
        problem(carol.as("fcsm_not-a-real-token").post("/api/deposits", "{\"title\":\"x\"}"), 401);
    }

    @Test
    void someoneElsesOrAnUnknownDepositIs404() throws Exception {
        ApiClient dave = RunningRepository.newDepositor("dave");
        problem(dave.get("/api/deposits/" + deposit), 404);
        problem(dave.put("/api/deposits/" + deposit + "/files/t.csv", "text/csv", utf8("a\n1\n")), 404);
        problem(carol.get("/api/deposits/00000000-0000-0000-0000-000000000000"), 404);
        problem(carol.get("/api/deposits/not-a-uuid"), 404);
    }

    private static int fileCount() throws Exception {
        return carol.get("/api/deposits/" + deposit).json().path("files").size();
    }

    @Test
    void brokenCsvFilesNameTheirProblem() throws Exception {
        int before = fileCount();
        assertTrue(upload("empty.csv", new byte[0], 422).path("detail").asText().contains("empty"));
        JsonNode ragged = upload("ragged.csv", utf8("a,b\n1,2\n3,4,5\n"), 422);
        assertEquals("ragged.csv", ragged.path("errors").get(0).path("file").asText());
        assertEquals(3, ragged.path("errors").get(0).path("row").asInt());
        JsonNode quote = upload("quote.csv", utf8("a,b\n1,2\n3,\"open\n4,5\n"), 422);
        assertTrue(quote.path("errors").get(0).path("row").asInt() >= 3);
        JsonNode latin = upload(
                "latin.csv", "name,city\nAna,Bern\nJos\u00e9,Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1), 422);
        assertEquals(3, latin.path("errors").get(0).path("row").asInt());
        assertFalse(latin.toString().contains("Jos"), "no cell value in an error");
        JsonNode duplicate = upload("dup.csv", utf8("a,b,a\n1,2,3\n"), 422);
        assertEquals("column 3", duplicate.path("errors").get(0).path("column").asText());
        upload("semicolon.csv", utf8("a;b\n1;2\n"), 422);
        upload("binary.csv", new byte[] {'a', '\n', 0, 1, 2, '\n'}, 422);
        assertEquals(before, fileCount(), "nothing of the refused files was kept");
    }

    @Test
    void aDeclaredEncodingIsConverted() throws Exception {
        ApiClient.Reply r = carol.put(
                "/api/deposits/" + deposit + "/files/latin1.csv",
                "text/csv; charset=ISO-8859-1",
                "name,city\nJos\u00e9,Z\u00fcrich\nAna,Bern\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(201, r.status(), r.body());
        assertEquals(2, r.json().path("rows").asInt());
    }

    @Test
    void fileNamesCannotEscapeTheirFolder() throws Exception {
        int before = fileCount();
        for (String name : new String[] {
            "..%2F..%2Fetc%2Fpasswd.csv", "..%2Fx.csv", "notes.txt", ".hidden.csv", "a%2Fb.csv", "%2E%2E.csv"
        }) {
            JsonNode p =
                    problem(carol.put("/api/deposits/" + deposit + "/files/" + name, "text/csv", utf8("a\n1\n")), 400);
            assertEquals(
                    "https://w3id.org/facsimile/problems/invalid-file-name",
                    p.path("type").asText(),
                    name);
        }
        // a NUL byte in the URI is refused by the HTTP server itself, before the application
        assertEquals(
                400,
                carol.put("/api/deposits/" + deposit + "/files/a%00b.csv", "text/csv", utf8("a\n1\n"))
                        .status());
        assertEquals(before, fileCount());
    }

    @Test
    void anUploadOverTheLimitIsStoppedWith413() throws Exception {
        long size = RunningRepository.UPLOAD_LIMIT * 3;
        String path = "/api/deposits/" + deposit + "/files/huge.csv";
        String token = carolToken;
        // a declared length over the limit is refused before any byte is read
        RawUpload.Answer declared = RawUpload.put(RunningRepository.get().baseUrl(), path, token, size, true);
        assertEquals(413, declared.status());
        assertTrue(declared.contentType().startsWith("application/problem+json"), declared.contentType());
        // streamed without a length, the server stops reading once past the limit
        RawUpload.Answer streamed = RawUpload.put(RunningRepository.get().baseUrl(), path, token, size, false);
        assertEquals(413, streamed.status());
        assertTrue(streamed.contentType().startsWith("application/problem+json"), streamed.contentType());
        assertFalse(carol.get("/api/deposits/" + deposit).body().contains("huge.csv"), "nothing was kept");
    }

    @Test
    void badMetadataAndSchemasAreRefusedWithTheirPath() throws Exception {
        JsonNode noTitle = problem(carol.post("/api/deposits", "{\"description\":\"no title\"}"), 422);
        assertEquals("$.title", noTitle.path("errors").get(0).path("pointer").asText());
        problem(carol.post("/api/deposits", "{not json"), 400);
        JsonNode licence =
                problem(carol.post("/api/deposits", "{\"title\":\"t\",\"licence\":\"all rights reserved\"}"), 422);
        assertEquals("$.licence", licence.path("errors").get(0).path("pointer").asText());

        String d = DepositToPublishIT.createDeposit(carol, "Schema probe");
        assertEquals(
                201,
                carol.put("/api/deposits/" + d + "/files/t.csv", "text/csv", utf8("id,x\n1,a\n2,b\n3,c\n"))
                        .status());
        String path = "/api/deposits/" + d + "/files/t.csv/schema";
        problem(carol.put(path, "application/csvm+json", utf8("{\"url\": \"t.csv\", ")), 422);
        JsonNode unknown = problem(
                carol.put(
                        path,
                        "application/csvm+json",
                        utf8("{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"t.csv\","
                                + "\"tableSchema\":{\"columns\":[{\"name\":\"id\"},{\"name\":\"colour\"}]}}")),
                422);
        assertEquals("colour", unknown.path("errors").get(0).path("column").asText());
        JsonNode type = problem(
                carol.put(
                        path,
                        "application/csvm+json",
                        utf8(
                                "{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"t.csv\","
                                        + "\"tableSchema\":{\"columns\":[{\"name\":\"id\"},{\"name\":\"x\",\"datatype\":\"integer\"}]}}")),
                422);
        assertEquals("x", type.path("errors").get(0).path("column").asText());
        assertEquals(2, type.path("errors").get(0).path("row").asInt());
        // a remote JSON-LD context is refused by the rule, never fetched
        JsonNode remote = problem(
                carol.put(
                        path,
                        "application/csvm+json",
                        utf8("{\"@context\":\"http://127.0.0.1:9/evil-context.jsonld\",\"url\":\"t.csv\","
                                + "\"tableSchema\":{\"columns\":[{\"name\":\"id\"},{\"name\":\"x\"}]}}")),
                422);
        assertEquals("$.@context", remote.path("errors").get(0).path("pointer").asText());
    }
}
