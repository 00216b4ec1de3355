package org.facsimile.vocab.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.dcat.DcatRendererTest;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.junit.jupiter.api.Test;

class CitationsTest {

    /** The example, with a title and creators that TeX and RIS would choke on if left raw. */
    private static DatasetDescription awkward() {
        DatasetDescription e = DcatRendererTest.example();
        return new DatasetDescription(
                e.uri(),
                e.doi(),
                "Income & hours: 50% {of} $census_data #2 \\ ~^",
                "Line one.\nLine two.",
                // an ORCID iD is no part of the name a citation gives
                List.of("Kohavi, Ronny", "Becker, Barry 0000-0002-1825-0097"),
                e.keywords(),
                e.subjects(),
                e.licence(),
                e.issued(),
                2,
                e.publisher(),
                true,
                e.derivedFrom(),
                e.distributions());
    }

    @Test
    void bibtexParsesAndReadsBackTheSameFields() throws Exception {
        String bib = Citations.bibtex(awkward());
        BibTeXDatabase db = new BibTeXParser().parse(new StringReader(bib));
        assertEquals(1, db.getEntries().size(), bib);
        BibTeXEntry entry = db.getEntries().values().iterator().next();
        assertEquals(BibTeXEntry.TYPE_MISC, entry.getType());
        assertEquals("10.5072/fcsm.ab12cd", latex(entry, BibTeXEntry.KEY_DOI));
        assertEquals("https://doi.org/10.5072/fcsm.ab12cd", latex(entry, BibTeXEntry.KEY_URL));
        assertEquals("Kohavi, Ronny and Becker, Barry", latex(entry, BibTeXEntry.KEY_AUTHOR));
        assertEquals("2026", latex(entry, BibTeXEntry.KEY_YEAR));
        // the title's special characters come back as text once TeX has read them
        String title = latex(entry, BibTeXEntry.KEY_TITLE);
        for (String piece : List.of("Income & hours: 50%", "$census_data #2")) {
            assertTrue(title.contains(piece), title);
        }
        assertEquals("2", latex(entry, new Key("version")));
    }

    @Test
    void risIsOneTagALineFromTyToEr() {
        String ris = Citations.ris(awkward());
        List<String[]> tags = new ArrayList<>();
        for (String line : ris.split("\r\n")) {
            assertTrue(line.matches("[A-Z][A-Z0-9]  - .*"), "a RIS line: [" + line + "]");
            tags.add(new String[] {line.substring(0, 2), line.substring(6)});
        }
        assertEquals("TY", tags.get(0)[0]);
        assertEquals("DATA", tags.get(0)[1]);
        assertEquals("ER", tags.get(tags.size() - 1)[0]);
        Map<String, List<String>> byTag = new LinkedHashMap<>();
        tags.forEach(t -> byTag.computeIfAbsent(t[0], k -> new ArrayList<>()).add(t[1]));
        assertEquals(List.of("Kohavi, Ronny", "Becker, Barry"), byTag.get("AU"));
        assertEquals(List.of("10.5072/fcsm.ab12cd"), byTag.get("DO"));
        assertEquals(List.of("2026/11/23"), byTag.get("DA"));
        assertEquals(List.of("Line one. Line two."), byTag.get("AB"), "a line break would end the tag");
        assertEquals(List.of("2"), byTag.get("ET"));
    }

    @Test
    void cslJsonIsAnArrayOfOneDatasetItem() {
        JsonArray items = JSON.parseAny(Citations.cslJson(awkward())).getAsArray();
        assertEquals(1, items.size());
        JsonObject item = items.get(0).getAsObject();
        assertEquals("dataset", item.getString("type"));
        assertEquals("10.5072/fcsm.ab12cd", item.getString("DOI"));
        JsonObject first = item.get("author").getAsArray().get(0).getAsObject();
        assertEquals("Kohavi", first.getString("family"));
        assertEquals("Ronny", first.getString("given"));
        JsonArray date = item.get("issued")
                .getAsObject()
                .get("date-parts")
                .getAsArray()
                .get(0)
                .getAsArray();
        assertEquals(2026, date.get(0).getAsNumber().value().intValue());
        assertEquals("2", item.getString("version"));
    }

    private static String latex(BibTeXEntry entry, Key key) throws Exception {
        String raw = entry.getField(key).toUserString();
        return new LaTeXPrinter().print(new LaTeXParser().parse(raw));
    }
}
