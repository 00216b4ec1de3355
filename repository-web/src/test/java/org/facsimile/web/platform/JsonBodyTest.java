package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.facsimile.web.Damage;
import org.junit.jupiter.api.Test;

public class JsonBodyTest {

    public enum Colour {
        RED,
        GREEN
    }

    public record Inner(Double share, Map<String, String> values) {}

    public record Request(
            String label, List<String> scopes, Integer days, Long rows, Boolean flag, Colour colour, Inner inner) {}

    @Test
    void readsAWellFormedBodyWithAByteOrderMarkAndUnknownMembers() {
        Request r = JsonBody.read(
                "\uFEFF{\"label\":\"a\",\"scopes\":[\"read\"],\"days\":7,\"rows\":1e3,\"flag\":true,"
                        + "\"colour\":\"GREEN\",\"inner\":{\"share\":0.5,\"values\":{\"k\":\"v\"}},\"later\":[1]}",
                Request.class);
        assertEquals(
                new Request("a", List.of("read"), 7, 1000L, true, Colour.GREEN, new Inner(0.5, Map.of("k", "v"))), r);
        assertEquals(
                "x",
                JsonBody.read(" ", Request.class, () -> new Request("x", null, null, null, null, null, null))
                        .label());
    }

    @Test
    void refusesWhatIsNotJsonWith400AndWhereItBroke() {
        for (String body : new String[] {"", "  ", "{bad", "{\"label\":\"a\"", "{\"label\":\"a\"}}"}) {
            ProblemException e = refused(body);
            assertEquals(400, e.status(), body);
            assertEquals("invalid-json", e.kind());
            assertEquals("$", e.toProblem().errors().get(0).pointer());
        }
        assertTrue(refused("{\n \"label\": x}").getMessage().contains("line 2"));
    }

    @Test
    void refusesJsonOfTheWrongShapeWith422AtItsPath() {
        assertRefused("\"text\"", "$", "must be a JSON object, not a string");
        assertRefused("[1]", "$", "not an array");
        assertRefused("null", "$", "not null");
        assertRefused("{\"label\":1}", "$.label", "must be a string, not a number");
        assertRefused("{\"scopes\":\"read\"}", "$.scopes", "must be an array");
        assertRefused("{\"scopes\":[\"read\",null]}", "$.scopes[1]", "must not be null");
        assertRefused("{\"scopes\":[\"read\",2]}", "$.scopes[1]", "must be a string");
        assertRefused("{\"days\":\"ten\"}", "$.days", "must be a whole number");
        assertRefused("{\"days\":1.5}", "$.days", "must be a whole number");
        assertRefused("{\"days\":1e12}", "$.days", "between");
        assertRefused("{\"rows\":92233720368547758070}", "$.rows", "between");
        assertRefused("{\"flag\":\"yes\"}", "$.flag", "true or false");
        assertRefused("{\"colour\":\"BLUE\"}", "$.colour", "one of RED, GREEN");
        assertRefused("{\"inner\":{\"share\":1e999}}", "$.inner.share", "too large");
        assertRefused("{\"inner\":{\"values\":{\"a b\":3}}}", "$.inner.values['a b']", "must be a string");
    }

    @Test
    void refusesTextPostgresqlCannotStoreWithoutQuotingIt() {
        ProblemException nul = assertRefused("{\"label\":\"secret\\u0000value\"}", "$.label", "NUL");
        assertFalse(nul.getMessage().contains("secret"));
        assertRefused("{\"inner\":{\"values\":{\"k\":\"a\\ud800\"}}}", "$.inner.values.k", "unpaired");
        assertRefused("{\"other\":[\"\\u0000\"]}", "$.other[0]", "NUL");
        assertRefused("{\"a\\u0000\":1}", "$", "NUL");
        assertEquals(
                "\uD83D\uDE00",
                JsonBody.read("{\"label\":\"\\ud83d\\ude00\"}", Request.class).label());
    }

    @Test
    void refusesDeepNestingBeforeParsing() {
        String deep = "{\"other\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertRefused(deep, "$", "deeper than 64 levels");
    }

    @Test
    void damagedBodiesAreReadOrRefusedNeverCrash() {
        String seed = "{\"label\":\"a\",\"scopes\":[\"read\"],\"days\":7,\"flag\":false,\"colour\":\"RED\","
                + "\"inner\":{\"share\":0.5,\"values\":{\"k\":\"v\"}}}";
        String nasty = "{}[]\",:\\0-9eE.tfn \u0000\uFEFF\uD800";
        Random random = new Random(20261206L);
        for (int round = 0; round < 5000; round++) {
            String text = Damage.of(seed, nasty, random);
            try {
                JsonBody.read(text, Request.class);
            } catch (ProblemException expected) {
                assertTrue(expected.status() == 400 || expected.status() == 422, text);
                assertFalse(expected.toProblem().errors().isEmpty());
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + " crashed on " + text, e);
            }
        }
    }

    private static ProblemException refused(String body) {
        return assertThrows(ProblemException.class, () -> JsonBody.read(body, Request.class));
    }

    private static ProblemException assertRefused(String body, String pointer, String message) {
        ProblemException e = refused(body);
        assertEquals(422, e.status(), body + ": " + e.getMessage());
        assertEquals("invalid-body", e.kind());
        Problem.Where where = e.toProblem().errors().get(0);
        assertEquals(pointer, where.pointer(), body);
        assertTrue(where.message().contains(message), body + ": " + where.message());
        return e;
    }
}
