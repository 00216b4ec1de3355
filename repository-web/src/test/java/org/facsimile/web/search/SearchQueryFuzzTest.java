package org.facsimile.web.search;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged search queries, seeded so a failure replays: every text is a query or a {@link
 * SearchQuery.Invalid} (answered 400), never another exception.
 */
class SearchQueryFuzzTest {

    private static final List<String> SEEDS = List.of(
            "census income",
            "title:(heart disease) AND keyword:cardiology",
            "\"exact phrase\" -excluded +required",
            "subject:HEAL licence:cc0-1.0 created:[2020 TO 2026]",
            "heart* OR hea?t");
    private static final String NASTY = "()[]{}\":*?~^+-!&|\\/ ANDORNOT TO:\u0000\uD800\u00e9";

    @Test
    void damagedQueriesAreReadOrRefusedNeverCrash() {
        Random random = new Random(20261206L);
        for (int round = 0; round < 5000; round++) {
            StringBuilder text = new StringBuilder(SEEDS.get(random.nextInt(SEEDS.size())));
            for (int e = 1 + random.nextInt(4); e > 0 && text.length() > 0; e--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(4)) {
                    case 0 -> text.setCharAt(at, NASTY.charAt(random.nextInt(NASTY.length())));
                    case 1 -> text.insert(at, NASTY.charAt(random.nextInt(NASTY.length())));
                    case 2 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                    default -> text.insert(at, "(".repeat(1 + random.nextInt(400)));
                }
            }
            try {
                assertNotNull(SearchQuery.parse(text.toString()));
            } catch (SearchQuery.Invalid expected) {
                // answered 400 with what is wrong
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + " crashed on " + text, e);
            }
        }
    }
}
