package org.facsimile.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreatorTest {

    @Test
    void anOrcidIdIsTakenOffTheEndInAnyUsualForm() {
        Creator expected = new Creator("Carberry, Josiah", "https://orcid.org/0000-0002-1825-0097");
        assertEquals(expected, Creator.parse("Carberry, Josiah 0000-0002-1825-0097"));
        assertEquals(expected, Creator.parse("Carberry, Josiah (0000-0002-1825-0097)"));
        assertEquals(expected, Creator.parse("Carberry, Josiah, https://orcid.org/0000-0002-1825-0097"));
        assertEquals(expected, Creator.parse("  Carberry, Josiah <orcid.org/0000-0002-1825-0097> "));
        assertEquals("0000-0002-1825-0097", expected.orcidId());
        // check character X
        assertEquals(
                "https://orcid.org/0000-0002-1694-233X",
                Creator.parse("Doe, Jo 0000-0002-1694-233x").orcid());
    }

    @Test
    void aNameWithoutAValidIdStaysAsItIs() {
        assertEquals(new Creator("Kohavi, Ronny", null), Creator.parse("Kohavi, Ronny"));
        assertEquals(new Creator("Lab 0000-0002-1825-0098", null), Creator.parse("Lab 0000-0002-1825-0098"));
        assertEquals(Optional.of("0000-0002-1825-0098"), Creator.mistypedOrcid("Lab 0000-0002-1825-0098"));
        assertEquals(Optional.empty(), Creator.mistypedOrcid("Carberry, Josiah 0000-0002-1825-0097"));
        assertEquals(Optional.empty(), Creator.mistypedOrcid("Kohavi, Ronny"));
        assertTrue(Creator.parse("0000-0002-1825-0097").name().isEmpty(), "an iD alone names nobody");
    }
}
