package org.facsimile.web.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LandingPageTest {

    @Test
    void metadataIsEscapedIntoHtml() {
        assertEquals(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
                LandingPageResource.esc("<script>alert('x')</script> & \"q\""));
        assertEquals("", LandingPageResource.esc(null));
    }
}
