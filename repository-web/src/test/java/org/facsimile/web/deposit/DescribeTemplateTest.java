package org.facsimile.web.deposit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.Templates;
import org.junit.jupiter.api.Test;

/** The description form (describe.jte): what was typed comes back, escaped, each error at its field. */
class DescribeTemplateTest {

    @Test
    void aRefusedDescriptionComesBackWithItsErrorsAtTheirFields() {
        MetadataForm form = new MetadataForm(
                "Gulls </textarea><script>x()</script>",
                "A <b>bold</b> claim",
                "Gull, Ada",
                "gulls",
                List.of("ENVI"),
                DepositMetadata.LICENCES.get(1),
                "2020-01-01",
                "",
                "",
                "",
                "");
        Page.Frame frame = new Page.Frame("Facsimile", "New deposit", Page.Section.DEPOSITS, "Ada", List.of());
        String html = Templates.render(
                "describe.jte",
                new HashMap<>(Map.of(
                        "frame",
                        frame,
                        "form",
                        form,
                        "errors",
                        Map.of("creators", "A creator needs a name."),
                        "csrf",
                        "t")));
        assertFalse(html.contains("<script>x()"), html);
        assertTrue(html.contains(">A &lt;b&gt;bold&lt;/b&gt; claim</textarea>"), html);
        assertTrue(html.contains("<p class=\"field-error\" id=\"creators-error\">A creator needs a name.</p>"), html);
        assertTrue(html.contains("aria-invalid=\"true\" aria-describedby=\"creators-error\""), html);
        assertTrue(html.contains("name=\"subjects\" value=\"ENVI\" checked>"), "the chosen subject is ticked");
        assertTrue(html.contains("name=\"subjects\" value=\"HEAL\">"), "the others are offered");
        assertTrue(html.contains("<label for=\"subject-ENVI\">Environment</label>"), html);
        assertTrue(html.contains("action=\"/deposits/new\""), "a new deposit");
        assertTrue(
                html.contains("<p class=\"error\" role=\"alert\">Please correct the fields marked below.</p>"), html);
    }
}
