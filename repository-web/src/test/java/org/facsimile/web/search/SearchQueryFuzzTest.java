package org.facsimile.web.search;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.facsimile.web.Damage;
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
            String text = Damage.of(SEEDS.get(random.nextInt(SEEDS.size())), NASTY, random);
            try {
                assertNotNull(SearchQuery.parse(text));
            } catch (SearchQuery.Invalid expected) {
                // answered 400 with what is wrong
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + " crashed on " + text, e);
            }
        }
    }
}
