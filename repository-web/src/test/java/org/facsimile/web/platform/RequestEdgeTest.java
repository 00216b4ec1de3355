package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.facsimile.web.Damage;
import org.junit.jupiter.api.Test;

/** The form and charset checks every request passes before a resource reads it. */
class RequestEdgeTest {

    @Test
    void aFormOfOrdinaryTextPasses() {
        assertDoesNotThrow(() -> RequestEdge.checkFields(
                "csrf=abc&title=K%C3%B8benhavn+weather&description=&subjects=HEAL&subjects=SOCI&flag"));
        assertDoesNotThrow(() -> RequestEdge.checkFields("emoji=%F0%9F%98%80&&"));
    }

    @Test
    void aFieldPostgresqlCannotStoreIsNamedNotQuoted() {
        ProblemException nul =
                assertThrows(ProblemException.class, () -> RequestEdge.checkFields("title=ok&spatial=secret%00place"));
        assertEquals(422, nul.status());
        assertEquals("spatial", nul.toProblem().errors().get(0).column());
        assertFalse(nul.getMessage().contains("secret"));
        ProblemException name = assertThrows(ProblemException.class, () -> RequestEdge.checkFields("a%00b=1"));
        assertEquals(422, name.status());
    }

    @Test
    void aFormThatIsNotUrlencodedIs400() {
        ProblemException e = assertThrows(ProblemException.class, () -> RequestEdge.checkFields("title=100%"));
        assertEquals(400, e.status());
        assertEquals("title", e.toProblem().errors().get(0).column());
    }

    @Test
    void charsetsJavaDoesNotKnowAre415() {
        assertEquals(StandardCharsets.UTF_8, RequestEdge.charset(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(
                StandardCharsets.ISO_8859_1,
                RequestEdge.charset(new MediaType("text", "csv", Map.of("charset", "latin1"))));
        for (String bogus : new String[] {"bogus", "", "utf-8;", "\u00e9"}) {
            ProblemException e = assertThrows(
                    ProblemException.class,
                    () -> RequestEdge.charset(new MediaType("application", "json", Map.of("charset", bogus))));
            assertEquals(415, e.status(), bogus);
        }
    }

    @Test
    void damagedFormsAreReadOrRefusedNeverCrash() {
        String seed = "csrf=abc123&title=Weather+in+K%C3%B8benhavn&description=Daily%0D%0Areadings&spatial=DK";
        String nasty = "%&=+0FfZz\u0000\u00e9\uD800 ";
        Random random = new Random(20261206L);
        for (int round = 0; round < 5000; round++) {
            String text = Damage.of(seed, nasty, random);
            try {
                RequestEdge.checkFields(text);
            } catch (ProblemException expected) {
                assertTrue(expected.status() == 400 || expected.status() == 422, text);
                assertFalse(expected.toProblem().errors().isEmpty());
            } catch (RuntimeException e) {
                fail("round " + round + " crashed on " + text, e);
            }
        }
    }
}
