package org.facsimile.synth.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    /** The escaping the report and the repository's landing pages share. */
    @Test
    void metadataIsEscapedIntoHtml() {
        assertEquals(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
                Html.esc("<script>alert('x')</script> & \"q\""));
        assertEquals("", Html.esc(null));
    }
}
