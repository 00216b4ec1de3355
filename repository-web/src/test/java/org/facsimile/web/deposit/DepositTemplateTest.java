package org.facsimile.web.deposit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.Templates;
import org.facsimile.web.schema.TablePreview;
import org.junit.jupiter.api.Test;

/** The deposit page (deposit.jte) shows a finished run's synthetic tables to their depositor, escaped. */
class DepositTemplateTest {

    private static String render(List<SyntheticTables.Shown> synthetic) {
        DepositPageView.Progress run = new DepositPageView.Progress(
                "/api/deposits/d1/job/events?after=9", 100, "done", null, List.of(), null, synthetic);
        DepositPageView view = new DepositPageView(
                "d1",
                "Gulls",
                "ready to publish",
                "10.5072/x",
                null,
                List.of(),
                false,
                false,
                List.of(),
                null,
                run,
                null,
                true,
                true,
                true,
                false,
                false,
                false,
                "t");
        Page.Frame frame = new Page.Frame("Facsimile", "Gulls", Page.Section.DEPOSITS, "Ada", List.of());
        return Templates.render("deposit.jte", Map.of("frame", frame, "d", view));
    }

    @Test
    void eachSyntheticTableIsShownWithItsFirstRowsAndADownload() {
        TablePreview rows = TablePreview.of(List.of(
                new String[] {"site", "note"}, new String[] {"Skerry <b>9</b>", "fine"}, new String[] {"Holm", ""}));
        String html = render(List.of(
                new SyntheticTables.Shown("nests.csv", "/api/deposits/d1/synthetic/nests.csv", rows, false),
                new SyntheticTables.Shown(
                        "sites.csv", "/api/deposits/d1/synthetic/sites.csv", TablePreview.NONE, true)));
        assertTrue(html.contains("<h2 id=\"synthetic-heading\">The synthetic tables</h2>"), html);
        assertTrue(html.contains("href=\"/api/deposits/d1/synthetic/nests.csv\""), html);
        assertTrue(html.contains("<td>Skerry &lt;b"), "cells are escaped: " + html);
        assertFalse(html.contains("<b>9"), html);
        assertTrue(html.contains("<caption>The first 2 rows</caption>"), html);
        assertTrue(html.contains("<h3>sites.csv</h3>"), "a table that did not read is still named");
        assertTrue(html.contains("Public reference data, published as you deposited it"), "and what it is");
    }

    @Test
    void beforeARunHasFinishedThereIsNoSection() {
        assertFalse(render(List.of()).contains("The synthetic tables"));
    }
}
