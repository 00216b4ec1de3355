package org.facsimile.synth.relations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.RunReport;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.argn.ArgnOptions;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.report.HtmlReport;
import org.facsimile.synth.report.JsonReport;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small public reference table (40 districts) declared published as deposited: its rows are
 * published as they are, its privacy is not judged, and the accounts referring to it keep its real
 * keys, learnt with their own columns.
 */
class PublishedAsDepositedTest {

    static final TableSpec DISTRICTS = new TableSpec(
            "districts",
            List.of(
                    new ColumnSpec("district", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("region", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("inhabitants", ColumnKind.INTEGER, null)),
            List.of("district"));
    static final TableSpec ACCOUNTS = new TableSpec(
            "accounts",
            List.of(
                    new ColumnSpec("account", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("district", ColumnKind.INTEGER, null),
                    new ColumnSpec("language", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("balance", ColumnKind.INTEGER, null)),
            List.of("account"));

    static List<DatasetTable> dataset;
    static DatasetSynthesis.Result result;

    /** Districts 1-20 in the west (German spoken), 21-40 in the east (Czech); 31-40 have only 1-2 accounts. */
    static List<DatasetTable> bank(boolean deposited) {
        Random random = new Random(9);
        List<String[]> districts = new ArrayList<>();
        List<String[]> accounts = new ArrayList<>();
        for (int d = 1; d <= 40; d++) {
            boolean west = d <= 20;
            districts.add(new String[] {Integer.toString(d), west ? "west" : "east", Integer.toString(5_000 * d)});
            int count = d > 30 ? 1 + random.nextInt(2) : 40 + random.nextInt(40);
            for (int a = 0; a < count; a++) {
                accounts.add(new String[] {
                    Integer.toString(accounts.size() + 1),
                    Integer.toString(d),
                    random.nextDouble() < 0.9 == west ? "german" : "czech",
                    Integer.toString(random.nextInt(10_000))
                });
            }
        }
        return List.of(
                new DatasetTable(
                        "districts",
                        new Table("districts", DISTRICTS.columnNames(), districts),
                        DISTRICTS,
                        List.of(),
                        List.of(),
                        deposited),
                new DatasetTable(
                        "accounts",
                        new Table("accounts", ACCOUNTS.columnNames(), accounts),
                        ACCOUNTS,
                        List.of(),
                        List.of(ForeignKey.of("district", "districts", "district"))));
    }

    @BeforeAll
    static void synthesize() {
        dataset = bank(true);
        result = new DatasetSynthesis(new ArgnSynthesizer(ArgnOptions.defaults().withMaxEpochs(15)))
                .run(dataset, SynthesisSettings.defaults(), ProgressListener.NONE);
    }

    @Test
    void theReferenceTableIsPublishedRowForRowAndItsPrivacyIsNotJudged() {
        List<String[]> published = result.tables().get(0).rows();
        List<String[]> deposited = dataset.get(0).table().rows();
        assertEquals(deposited.size(), published.size());
        for (int r = 0; r < deposited.size(); r++) {
            assertArrayEquals(deposited.get(r), published.get(r));
        }
        RunReport districts = result.reports().get(0);
        assertTrue(districts.publishedAsDeposited());
        assertTrue(districts.passed());
        assertEquals(List.of(), districts.reasons());
        assertTrue(Double.isNaN(districts.privacy().dcrShare()));
        assertFalse(result.reports().get(1).publishedAsDeposited());
    }

    @Test
    void referencesKeepTheRealKeysLearntWithTheChildsColumns() {
        Map<String, String> region = new HashMap<>();
        for (String[] d : dataset.get(0).table().rows()) {
            region.put(d[0], d[1]);
        }
        Set<String> referred = new HashSet<>();
        int agreeing = 0;
        List<String[]> accounts = result.tables().get(1).rows();
        for (String[] a : accounts) {
            assertTrue(region.containsKey(a[1]), "account " + a[0] + " refers to no district");
            referred.add(a[1]);
            agreeing += a[2].equals(region.get(a[1]).equals("west") ? "german" : "czech") ? 1 : 0;
        }
        // the language goes with the district's region: drawn independently it would agree half the time
        assertTrue(
                agreeing > 0.75 * accounts.size(),
                "language follows the district: " + agreeing + "/" + accounts.size());
        assertTrue(referred.size() > 25, "districts referred to: " + referred.size());
        RelationReport relation = result.relations().get(0);
        assertFalse(relation.relation().context());
        assertEquals(RelationReport.PUBLISHED, relation.method());
        assertEquals(1.0, relation.integrity());
        assertTrue(relation.parentChildAccuracy() > 0.8, "parent-child accuracy " + relation.parentChildAccuracy());
        assertFalse(Double.isNaN(relation.holdoutParentChildAccuracy()));
        // accounts per district, each sample scaled to the training's size: near the holdout's
        assertTrue(
                relation.holdoutChildrenAccuracy() > 0.6 && relation.childrenAccuracy() > 0.6,
                relation.childrenAccuracy() + " (holdout " + relation.holdoutChildrenAccuracy() + ")");
        assertTrue(JsonReport.render("argn", result.reports(), result.relations())
                .contains("\"table\":\"districts\",\"publishedAsDeposited\":true"));
        assertTrue(HtmlReport.render("bank", "argn", result.reports(), result.relations())
                .contains("Published as deposited"));
    }

    @Test
    void rareKeysPooledByTheModelStillReferToPublishedKeys() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new String[] {Integer.toString(i + 1), i < 5 ? "31" : "_RARE_", "czech", "5"});
        }
        TableWork parent = new TableWork(dataset.get(0));
        parent.spec = DISTRICTS;
        parent.synthetic = dataset.get(0).table().rows();
        TableWork child = new TableWork(dataset.get(1));
        child.spec = ACCOUNTS;
        child.synthetic = rows;
        ReferenceMatching.keepPublished(
                parent,
                child,
                new Relations.Relation("accounts", "district", "districts", "district", false),
                new Random(1));
        for (String[] r : rows.subList(5, 10)) {
            int district = Integer.parseInt(r[1]);
            // drawn among the keys no row took: never 31, which rows already refer to
            assertTrue(district >= 1 && district <= 40 && district != 31, r[1]);
        }
    }

    @Test
    void aPublishedTableHoldsNoPersonalDataAndRefersOnlyToPublishedTables() {
        List<DatasetTable> tables = bank(true);
        TableSpec personal = new TableSpec(
                "districts",
                List.of(
                        new ColumnSpec("district", ColumnKind.IDENTIFIER, null),
                        new ColumnSpec("region", ColumnKind.CATEGORICAL, null).withPersonal(PersonalData.PERSON_NAME),
                        new ColumnSpec("inhabitants", ColumnKind.INTEGER, null)),
                List.of("district"));
        DatasetTable named = new DatasetTable("districts", tables.get(0).table(), personal, List.of(), List.of(), true);
        RelationProblem problem =
                assertThrows(RelationProblem.class, () -> Relations.of(List.of(named, tables.get(1))));
        assertEquals("region", problem.column());

        DatasetTable generated =
                new DatasetTable("districts", tables.get(0).table(), DISTRICTS, List.of(), List.of(), false);
        DatasetTable publishedAccounts = new DatasetTable(
                "accounts",
                tables.get(1).table(),
                ACCOUNTS,
                List.of(),
                List.of(ForeignKey.of("district", "districts", "district")),
                true);
        problem = assertThrows(RelationProblem.class, () -> Relations.of(List.of(generated, publishedAccounts)));
        assertEquals("district", problem.column());
        assertTrue(problem.getMessage().contains("published as deposited"), problem.getMessage());
    }
}
