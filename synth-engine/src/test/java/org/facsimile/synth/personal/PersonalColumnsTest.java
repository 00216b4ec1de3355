package org.facsimile.synth.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.RunReport;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.TableSynthesis;
import org.facsimile.synth.argn.ArgnOptions;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.model.ModelArtefact;
import org.facsimile.synth.report.JsonReport;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Direct identifiers through the whole engine. The real people are drawn from the same lists the
 * fakes come from, so without the check against real values many fakes would be real ones.
 */
class PersonalColumnsTest {

    static List<Synthesizer> synthesizers() {
        return List.of(
                new GaussianCopulaSynthesizer(),
                new ArgnSynthesizer(ArgnOptions.defaults().withMaxEpochs(6)));
    }

    private static final int ROWS = 1_500;
    private static final List<String> DOCTORS =
            List.of("Dr Ada Hale", "Dr Ben Ortiz", "Dr Cas Smith", "Dr Dee Wong", "Dr Eli Park");
    private static final List<String> WARDS = List.of("cardiology", "oncology", "neurology", "surgery", "maternity");

    /** Patients with a name, an e-mail and a phone each; a doctor per visit, who works on one ward. */
    static Table patients() {
        Faker faker = new Faker(Locale.ENGLISH, new Random(11));
        Random random = new Random(12);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String given = faker.name().firstName();
            String family = faker.name().lastName();
            int doctor = random.nextInt(DOCTORS.size());
            rows.add(new String[] {
                Integer.toString(i + 1),
                given + " " + family,
                (given + "." + family).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "@example.org",
                faker.phoneNumber().phoneNumber(),
                DOCTORS.get(doctor),
                WARDS.get(doctor),
                Integer.toString(20 + random.nextInt(60))
            });
        }
        return new Table("visits", List.of("id", "name", "email", "phone", "doctor", "ward", "age"), rows);
    }

    static TableSpec spec() {
        return new TableSpec(
                "visits",
                List.of(
                        new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                        new ColumnSpec("name", ColumnKind.TEXT, null, PersonalData.PERSON_NAME),
                        new ColumnSpec("email", ColumnKind.TEXT, null, PersonalData.EMAIL),
                        new ColumnSpec("phone", ColumnKind.TEXT, null, PersonalData.PHONE),
                        new ColumnSpec("doctor", ColumnKind.CATEGORICAL, null, PersonalData.PERSON_NAME),
                        new ColumnSpec("ward", ColumnKind.CATEGORICAL, null),
                        new ColumnSpec("age", ColumnKind.INTEGER, null)),
                List.of("id"));
    }

    @ParameterizedTest
    @MethodSource("synthesizers")
    void noRealValueReachesTheOutputAndRowsStayConsistent(Synthesizer synthesizer) {
        Table real = patients();
        List<String[]> out = new ArrayList<>();
        RunReport report = new TableSynthesis(synthesizer)
                .run(real, spec(), SynthesisSettings.defaults(), ProgressListener.NONE, out::add);

        for (int c = 1; c <= 4; c++) {
            Set<String> realValues = new HashSet<>();
            for (String v : real.column(c)) {
                realValues.add(RealValues.loose(v));
            }
            for (String[] row : out) {
                assertFalse(
                        realValues.contains(RealValues.loose(row[c])),
                        real.columns().get(c) + ": " + row[c]);
            }
        }
        for (String[] row : out) {
            String family = row[1].substring(row[1].lastIndexOf(' ') + 1);
            assertTrue(row[2].contains(FakePeople.ascii(family)), row[1] + " / " + row[2]);
        }
        // the doctor repeats: pseudonyms, learnt with the ward each works on
        Map<String, Map<String, Integer>> wardsByDoctor = new HashMap<>();
        for (String[] row : out) {
            wardsByDoctor.computeIfAbsent(row[4], d -> new HashMap<>()).merge(row[5], 1, Integer::sum);
        }
        assertTrue(
                wardsByDoctor.size() <= DOCTORS.size() + 1,
                "five doctors (and perhaps the rare token): " + wardsByDoctor.keySet());
        int agreeing = 0;
        for (Map<String, Integer> wards : wardsByDoctor.values()) {
            agreeing +=
                    wards.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        // each doctor's commonest ward: about 20% of rows if the columns were independent, all of
        // them in the real data
        assertTrue(agreeing > 0.5 * out.size(), "a doctor keeps to a ward: " + wardsByDoctor);

        Map<String, String> methods = new HashMap<>();
        for (PersonalColumns.Treated t : report.personal()) {
            methods.put(t.column(), t.method());
            assertEquals(0, t.realValuesFound(), t.column());
            assertEquals(ROWS, t.values(), t.column());
        }
        assertEquals(
                Map.of(
                        "name", PersonalColumns.Treated.FAKE_PER_ROW,
                        "email", PersonalColumns.Treated.FAKE_PER_ROW,
                        "phone", PersonalColumns.Treated.FAKE_PER_ROW,
                        "doctor", PersonalColumns.Treated.PSEUDONYMS),
                methods);
        String json = JsonReport.render(synthesizer.name(), List.of(report));
        assertTrue(json.contains("\"directIdentifiers\""), json);
        for (String doctor : DOCTORS) {
            assertFalse(json.contains(doctor), "no value in the report");
        }
    }

    @ParameterizedTest
    @MethodSource("synthesizers")
    void aSavedModelKeepsItsFakesAndHoldsNoRealValue(Synthesizer synthesizer) throws Exception {
        Table real = patients();
        TableSpec spec = spec();
        PersonalColumns.Prepared prepared = PersonalColumns.prepare(real, spec);
        var generator =
                synthesizer.fit(prepared.table(), prepared.spec(), SynthesisSettings.defaults(), ProgressListener.NONE);
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        ModelArtefact.write(saved, synthesizer.name(), prepared.spec(), generator);
        String bytes = saved.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int r = 0; r < 50; r++) {
            for (int c = 1; c <= 4; c++) {
                assertFalse(
                        bytes.contains(real.row(r)[c]),
                        "the model holds no real " + real.columns().get(c));
            }
        }
        ModelArtefact.Loaded loaded = ModelArtefact.read(new ByteArrayInputStream(saved.toByteArray()));
        assertEquals(PersonalData.EMAIL, loaded.spec().column(2).personal());
        List<String[]> before = new ArrayList<>();
        List<String[]> after = new ArrayList<>();
        generator.generate(20, 5, before::add);
        loaded.generator().generate(20, 5, after::add);
        for (int r = 0; r < 20; r++) {
            assertEquals(before.get(r)[1], after.get(r)[1]);
            assertEquals(before.get(r)[2], after.get(r)[2]);
        }
    }
}
