package org.facsimile.synth.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.RunReport;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.TableSynthesis;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizerTest;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void aRunRendersAsOneSelfContainedPageWithCharts() throws IOException {
        Table real = GaussianCopulaSynthesizerTest.sample(3000, 5);
        TableSpec spec = new TableSpec(
                "people",
                List.of(
                        new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                        new ColumnSpec("height", ColumnKind.DECIMAL, null),
                        new ColumnSpec("weight", ColumnKind.INTEGER, null),
                        new ColumnSpec("colour <b>", ColumnKind.CATEGORICAL, null),
                        new ColumnSpec("joined", ColumnKind.DATE, null)),
                List.of("id"));
        Table renamed = new Table("people", spec.columnNames(), real.rows());
        List<String[]> out = new ArrayList<>();
        RunReport report = new TableSynthesis(new GaussianCopulaSynthesizer())
                .run(renamed, spec, SynthesisSettings.defaults(), ProgressListener.NONE, out::add);
        String html = HtmlReport.render("People & <friends>", "baseline", List.of(report));

        Path file = Path.of("target", "report-example.html");
        Files.writeString(file, html); // kept for a person to open
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("People &amp; &lt;friends&gt;"), "the title is escaped");
        assertTrue(html.contains("colour &lt;b&gt;"), "column names are escaped");
        assertFalse(html.contains("<b>\""), "no raw markup from data");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("src=\"http"), "nothing loaded from elsewhere");
        long charts = html.split("<svg ", -1).length - 1;
        assertTrue(charts >= 5, "a chart per measured column and a heat map: " + charts);
        assertTrue(html.contains("PASSED"));
        assertTrue(html.contains("Trivariate"));
        assertTrue(
                html.contains("<h3>Validity</h3><p>0 synthetic value(s) do not read as their column's type."),
                "the baseline writes only values of each column's type, and the report says so");
        assertTrue(html.contains("<td>joined</td><td>date</td><td>ISO 8601</td><td>0</td>"));
    }
}
