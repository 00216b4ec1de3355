package org.facsimile.web.deposit;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwForeignKey;
import org.facsimile.vocab.csvw.CsvwTable;

/** The columns form of one table, read into the CSVW schema it declares. */
final class SchemaForm {

    private SchemaForm() {}

    static CsvwTable read(CsvwTable current, MultivaluedMap<String, String> form) {
        List<CsvwColumn> columns = new ArrayList<>();
        for (int i = 0; i < current.columns().size(); i++) {
            CsvwColumn c = current.columns().get(i);
            String type = form.getFirst("type." + i);
            // the page offers these; anything else (a crafted post) keeps the stored type
            String datatype =
                    type != null && DepositPageView.DATATYPES.contains(type.strip()) ? type.strip() : c.datatype();
            List<String> nulls = new ArrayList<>();
            nulls.add("");
            String markers = form.getFirst("missing." + i);
            if (markers != null) {
                for (String m : markers.split(",")) {
                    if (!m.strip().isEmpty() && !nulls.contains(m.strip())) {
                        nulls.add(m.strip());
                    }
                }
            }
            String chosen = form.getFirst("personal." + i);
            String personal = chosen == null || chosen.isBlank()
                    // "no": an explicit none only where something was marked before
                    ? (c.personalData() == null ? null : PersonalData.NONE)
                    : chosen.strip();
            columns.add(new CsvwColumn(
                    c.name(),
                    datatype,
                    nulls,
                    c.description(),
                    datatype.equals(c.datatype()) ? c.format() : null,
                    personal,
                    c.lang()));
        }
        String key = form.getFirst("key");
        if (key != null && !current.columnNames().contains(key.strip())) {
            key = null;
        }
        List<String> constraints = form.getFirst("constraints") == null
                ? List.of()
                : form.getFirst("constraints")
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList();
        // composite references (declared through the API) are kept; single-column ones as chosen
        List<CsvwForeignKey> references = new ArrayList<>();
        for (CsvwForeignKey k : current.foreignKeys()) {
            if (k.columns().size() > 1) {
                references.add(k);
            }
        }
        for (int i = 0; i < current.columns().size(); i++) {
            String target = form.getFirst("refers." + i);
            int slash = target == null ? -1 : target.indexOf('/');
            if (slash > 0 && slash < target.length() - 1) {
                references.add(new CsvwForeignKey(
                        List.of(current.columns().get(i).name()),
                        target.substring(0, slash),
                        List.of(target.substring(slash + 1))));
            }
        }
        return new CsvwTable(
                current.url(),
                columns,
                key == null || key.isBlank() ? List.of() : List.of(key.strip()),
                references,
                constraints,
                current.nestedShape(),
                form.getFirst("publishedAsDeposited") != null);
    }
}
