package org.facsimile.web.synthesis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.synth.quality.QualityReport;

/** The quality and privacy report as JSON-ready maps: measures that were not taken are null, not NaN. */
final class ReportJson {

    private ReportJson() {}

    static Map<String, Object> of(String synthesizer, List<QualityReport> tables) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("synthesizer", synthesizer);
        boolean passes = tables.stream().allMatch(QualityReport::passesIdenticalMatchCheck);
        report.put("privacy", Map.of("identicalMatchCheck", passes ? "PASSED" : "FAILED"));
        List<Map<String, Object>> list = new ArrayList<>();
        for (QualityReport t : tables) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", t.table());
            m.put("trainingRows", t.trainingRows());
            m.put("holdoutRows", t.holdoutRows());
            m.put("syntheticRows", t.syntheticRows());
            m.put("univariateAccuracy", number(t.univariateAccuracy()));
            m.put("bivariateAccuracy", number(t.bivariateAccuracy()));
            m.put("holdoutUnivariateAccuracy", number(t.holdoutUnivariateAccuracy()));
            m.put("holdoutBivariateAccuracy", number(t.holdoutBivariateAccuracy()));
            m.put("identicalMatchShare", number(t.identicalMatchShare()));
            m.put("holdoutIdenticalMatchShare", number(t.holdoutIdenticalMatchShare()));
            List<Map<String, Object>> columns = new ArrayList<>();
            for (QualityReport.ColumnQuality c : t.columns()) {
                Map<String, Object> column = new LinkedHashMap<>();
                column.put("name", c.name());
                column.put("kind", c.kind());
                column.put("accuracy", number(c.accuracy()));
                columns.add(column);
            }
            m.put("columns", columns);
            list.add(m);
        }
        report.put("tables", list);
        return report;
    }

    private static Double number(double value) {
        return Double.isFinite(value) ? Math.round(value * 10000) / 10000.0 : null;
    }
}
