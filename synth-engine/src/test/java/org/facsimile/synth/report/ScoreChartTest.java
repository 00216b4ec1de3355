package org.facsimile.synth.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ScoreChartTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void oneBarPerScoreScaledToItsValueWithTheReferenceMarked() throws Exception {
        String svg = ScoreChart.render(
                "Accuracy <by> column",
                List.of("age", "income & tax", "ward"),
                Arrays.asList(0.95, 0.5, null),
                Arrays.asList(0.97, null, 0.9));
        Document doc = parse(svg); // well-formed, the label escaped
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("img", root.getAttribute("role"));
        assertEquals("Accuracy <by> column", root.getAttribute("aria-label"));
        NodeList rects = doc.getElementsByTagName("rect");
        // a background per row, and a bar for each measured score
        assertEquals(3 + 2, rects.getLength());
        List<Integer> barWidths = new java.util.ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getElementsByTagName("title").getLength() > 0) {
                barWidths.add(Integer.parseInt(r.getAttribute("width")));
            }
        }
        assertEquals(List.of(285, 150), barWidths, "95% and 50% of a 300-pixel scale");
        assertEquals(2, doc.getElementsByTagName("line").getLength(), "two references given");
        assertTrue(svg.contains(">n/a<"), "an unmeasured score says so");
        assertTrue(svg.contains("income &amp; tax"));
        assertTrue(svg.contains("age: 95.0% (holdout 97.0%)"));
    }

    @Test
    void aPoorScoreIsRedAndAGoodOneGreen() {
        String poor = ScoreChart.render("x", List.of("a"), List.of(0.6), List.of());
        String good = ScoreChart.render("x", List.of("a"), List.of(1.0), List.of());
        assertTrue(poor.contains("fill=\"" + Svg.colour(0.6) + "\""));
        assertTrue(good.contains("fill=\"" + Svg.colour(1.0) + "\""));
        assertTrue(!Svg.colour(0.6).equals(Svg.colour(1.0)));
    }

    @Test
    void mismatchedListsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ScoreChart.render("x", List.of("a", "b"), List.of(0.5), List.of()));
    }
}
