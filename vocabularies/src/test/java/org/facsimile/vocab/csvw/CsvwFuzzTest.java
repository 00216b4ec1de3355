package org.facsimile.vocab.csvw;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the CSVW metadata reader, seeded so a failure replays: valid descriptions
 * are damaged character by character and in structure, and every result must be a description or
 * a {@link CsvwProblem} — never another exception.
 */
class CsvwFuzzTest {

    private static final List<String> SEEDS = List.of(
            "{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"a.csv\",\"tableSchema\":{\"columns\":["
                    + "{\"name\":\"id\",\"datatype\":\"integer\"},{\"name\":\"when\",\"datatype\":"
                    + "{\"base\":\"dateTime\",\"format\":\"yyyy-MM-dd HH:mm:ss\"},\"null\":[\"\",\"NA\"]}],"
                    + "\"primaryKey\":\"id\"}}",
            "{\"@context\":[\"http://www.w3.org/ns/csvw\",{\"@language\":\"en\"}],\"tables\":[{\"url\":\"p.csv\","
                    + "\"tableSchema\":{\"columns\":[{\"name\":\"pid\"}],\"primaryKey\":[\"pid\"]}},{\"url\":\"c.csv\","
                    + "\"tableSchema\":{\"columns\":[{\"name\":\"pid\"},{\"name\":\"n\",\"datatype\":\"decimal\"}],"
                    + "\"foreignKeys\":[{\"columnReference\":\"pid\",\"reference\":{\"resource\":\"p.csv\","
                    + "\"columnReference\":\"pid\"}}]}}]}");
    private static final String NASTY = "{}[]\",:\\0-9eE.tfn \u0000\uFFFF\uD800";

    @Test
    void damagedDescriptionsAreReadOrRefusedNeverCrash() {
        Random random = new Random(20261123L);
        for (int round = 0; round < 5000; round++) {
            StringBuilder text = new StringBuilder(SEEDS.get(random.nextInt(SEEDS.size())));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && text.length() > 0; e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(4)) {
                    case 0 -> text.setCharAt(at, NASTY.charAt(random.nextInt(NASTY.length())));
                    case 1 -> text.insert(at, NASTY.charAt(random.nextInt(NASTY.length())));
                    case 2 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(12)));
                    default -> text.setLength(at);
                }
            }
            try {
                CsvwJson.read(text.toString());
            } catch (CsvwProblem expected) {
                // a clear refusal
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + " crashed on " + text, e);
            }
        }
    }
}
