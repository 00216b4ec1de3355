package org.facsimile.web.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LandingPageCreatorsTest {

    @Test
    void creatorsWithAnOrcidIdLinkToTheirRecord() {
        assertEquals(
                "Carberry, Josiah <a href=\"https://orcid.org/0000-0002-1825-0097\" aria-label=\"ORCID record of"
                        + " Carberry, Josiah\">ORCID 0000-0002-1825-0097</a>; O&#39;Neil &lt;lab&gt;",
                PublishedFields.people(List.of("Carberry, Josiah (0000-0002-1825-0097)", "O'Neil <lab>")));
    }
}
