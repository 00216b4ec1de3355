package org.facsimile.web.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.facsimile.vocab.Creator;
import org.facsimile.web.platform.Templates;
import org.junit.jupiter.api.Test;

class LandingPageCreatorsTest {

    @Test
    void creatorsWithAnOrcidIdLinkToTheirRecord() {
        List<Creator> creators =
                List.of(Creator.parse("Carberry, Josiah (0000-0002-1825-0097)"), Creator.parse("O'Neil <lab>"));
        assertEquals(
                "Carberry, Josiah <a href=\"https://orcid.org/0000-0002-1825-0097\" aria-label=\"ORCID record of"
                        + " Carberry, Josiah\">ORCID 0000-0002-1825-0097</a>; O'Neil &lt;lab&gt;",
                Templates.render("people.jte", Map.of("creators", creators)).strip());
    }
}
