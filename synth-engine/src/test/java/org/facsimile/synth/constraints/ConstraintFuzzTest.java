package org.facsimile.synth.constraints;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged constraint expressions, seeded so a failure replays: every text must parse into a
 * constraint or be refused with a {@link ConstraintProblem}, never another exception.
 */
class ConstraintFuzzTest {

    private static final String NASTY = "()<>=!+-*/'`\", .0123456789e fixedifthenandornot \u0000\uD800\u00e9";

    @Test
    void damagedExpressionsAreReadOrRefusedNeverCrash() {
        Random random = new Random(20261206L);
        for (int round = 0; round < 5000; round++) {
            StringBuilder text =
                    new StringBuilder(ConstraintsTest.RULES.get(random.nextInt(ConstraintsTest.RULES.size())));
            for (int e = 1 + random.nextInt(4); e > 0 && text.length() > 0; e--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(4)) {
                    case 0 -> text.setCharAt(at, NASTY.charAt(random.nextInt(NASTY.length())));
                    case 1 -> text.insert(at, NASTY.charAt(random.nextInt(NASTY.length())));
                    case 2 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(6)));
                    default -> text.insert(at, "(".repeat(1 + random.nextInt(600)));
                }
            }
            try {
                assertNotNull(ConstraintParser.parse(text.toString(), ConstraintsTest.SPEC));
            } catch (ConstraintProblem expected) {
                // a refusal that names where
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + " crashed on " + text, e);
            }
        }
    }
}
