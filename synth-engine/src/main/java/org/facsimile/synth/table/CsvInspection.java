package org.facsimile.synth.table;

import java.util.Map;

/**
 * What an inspection found in a valid CSV file.
 *
 * @param spec the inferred columns and suggested primary key
 * @param rowCount data rows (the header not counted)
 * @param provenPersonal the columns whose values themselves are direct identifiers (e-mail
 *     addresses, IBANs), by name: these cannot be declared other than personal data
 * @param notes what profiling tells the depositor about a column, by name: the format its dates
 *     were read in, a day-month order chosen among two that both read, a column that mixes date
 *     formats; never a value
 */
public record CsvInspection(
        TableSpec spec, long rowCount, Map<String, PersonalData> provenPersonal, Map<String, String> notes) {

    public CsvInspection {
        provenPersonal = provenPersonal == null ? Map.of() : Map.copyOf(provenPersonal);
        notes = notes == null ? Map.of() : Map.copyOf(notes);
    }

    public CsvInspection(TableSpec spec, long rowCount, Map<String, PersonalData> provenPersonal) {
        this(spec, rowCount, provenPersonal, Map.of());
    }

    public CsvInspection(TableSpec spec, long rowCount) {
        this(spec, rowCount, Map.of());
    }
}
