package org.facsimile.synth.table;

import java.util.Map;
import org.facsimile.synth.personal.PersonalData;

/**
 * What an inspection found in a valid CSV file.
 *
 * @param spec the inferred columns and suggested primary key
 * @param rowCount data rows (the header not counted)
 * @param provenPersonal the columns whose values themselves are direct identifiers (e-mail
 *     addresses, IBANs), by name: these cannot be declared other than personal data
 */
public record CsvInspection(TableSpec spec, long rowCount, Map<String, PersonalData> provenPersonal) {

    public CsvInspection {
        provenPersonal = provenPersonal == null ? Map.of() : Map.copyOf(provenPersonal);
    }

    public CsvInspection(TableSpec spec, long rowCount) {
        this(spec, rowCount, Map.of());
    }
}
