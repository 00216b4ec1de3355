package org.facsimile.synth.relations;

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
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.argn.ArgnOptions;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.quality.QualityReport;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Related tables: households, their members (a context sequence) and the members' visits (a
 * grandchild), plus doctors referred to by members (a matched reference). The structure is known,
 * so the test can say what must be kept.
 */
class DatasetSynthesisTest {

    static final TableSpec HOUSEHOLDS = new TableSpec(
            "households",
            List.of(
                    new ColumnSpec("hh", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("region", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("tenure", ColumnKind.CATEGORICAL, null)),
            List.of("hh"));
    static final TableSpec MEMBERS = new TableSpec(
            "members",
            List.of(
                    new ColumnSpec("member", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("hh", ColumnKind.INTEGER, null),
                    new ColumnSpec("role", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("language", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("age", ColumnKind.INTEGER, null),
                    new ColumnSpec("doctor", ColumnKind.CATEGORICAL, null)),
            List.of("member"));
    static final TableSpec VISITS = new TableSpec(
            "visits",
            List.of(
                    new ColumnSpec("visit", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("member", ColumnKind.INTEGER, null),
                    new ColumnSpec("reason", ColumnKind.CATEGORICAL, null)),
            List.of("visit"));
    static final TableSpec DOCTORS = new TableSpec(
            "doctors",
            List.of(
                    new ColumnSpec("doctor", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("speciality", ColumnKind.CATEGORICAL, null)),
            List.of("doctor"));

    /** Real members whose household does not exist: reported as dangling, not learnt. */
    static final int DANGLING = 7;

    /** Households in the north have 0-2 members, in the south 3-5 (uniformly). */
    static final int HOUSEHOLD_COUNT = 1_500;

    static List<DatasetTable> dataset;
    static DatasetSynthesis.Result result;

    @BeforeAll
    static void synthesize() {
        dataset = dataset(new Random(11));
        result = new DatasetSynthesis(new ArgnSynthesizer(ArgnOptions.defaults().withMaxEpochs(12)))
                .run(dataset, SynthesisSettings.defaults(), ProgressListener.NONE);
    }

    static List<DatasetTable> dataset(Random random) {
        List<String[]> households = new ArrayList<>();
        List<String[]> members = new ArrayList<>();
        List<String[]> visits = new ArrayList<>();
        List<String[]> doctors = new ArrayList<>();
        for (int d = 1; d <= 40; d++) {
            doctors.add(new String[] {"D" + d, d % 3 == 0 ? "paediatrics" : "general"});
        }
        for (int h = 1; h <= HOUSEHOLD_COUNT; h++) {
            boolean north = random.nextBoolean();
            households.add(new String[] {
                Integer.toString(h), north ? "north" : "south", random.nextBoolean() ? "owned" : "rented"
            });
            int size = north ? random.nextInt(3) : 3 + random.nextInt(3);
            for (int m = 0; m < size; m++) {
                String id = Integer.toString(members.size() + 1);
                // the first member is the head of the household and the oldest; the language is the region's
                String role = m == 0 ? "head" : "member";
                int age = m == 0 ? 40 + random.nextInt(30) : random.nextInt(30);
                String language = random.nextDouble() < 0.95 ? (north ? "nordic" : "southern") : "other";
                members.add(new String[] {
                    id, Integer.toString(h), role, language, Integer.toString(age), "D" + (1 + random.nextInt(40))
                });
                if (role.equals("head")) {
                    visits.add(new String[] {Integer.toString(visits.size() + 1), id, "check-up"});
                }
            }
        }
        for (int k = 0; k < DANGLING; k++) {
            members.add(new String[] {
                Integer.toString(members.size() + 1), Integer.toString(99_000 + k), "member", "other", "20", "D1"
            });
        }
        return List.of(
                new DatasetTable(
                        "households",
                        new Table("households", HOUSEHOLDS.columnNames(), households),
                        HOUSEHOLDS,
                        List.of(),
                        List.of()),
                new DatasetTable(
                        "members",
                        new Table("members", MEMBERS.columnNames(), members),
                        MEMBERS,
                        List.of(),
                        List.of(ForeignKey.of("hh", "households", "hh"), ForeignKey.of("doctor", "doctors", "doctor"))),
                new DatasetTable(
                        "visits",
                        new Table("visits", VISITS.columnNames(), visits),
                        VISITS,
                        List.of(),
                        List.of(ForeignKey.of("member", "members", "member"))),
                new DatasetTable(
                        "doctors",
                        new Table("doctors", DOCTORS.columnNames(), doctors),
                        DOCTORS,
                        List.of(),
                        List.of()));
    }

    static DatasetSynthesis.Output table(String name) {
        return result.tables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static RelationReport relation(String child, String column) {
        return result.relations().stream()
                .filter(r -> r.relation().child().equals(child)
                        && r.relation().column().equals(column))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyReferenceResolvesAndEveryKeyIsUnique() {
        assertEquals(
                List.of("households", "members", "visits", "doctors"),
                result.tables().stream().map(DatasetSynthesis.Output::name).toList(),
                "the input's order");
        Set<String> households = keys(table("households"), 0);
        Set<String> members = keys(table("members"), 0);
        Set<String> visits = keys(table("visits"), 0);
        Set<String> doctors = keys(table("doctors"), 0);
        assertEquals(HOUSEHOLD_COUNT, households.size(), "as many households as the input");
        assertEquals(table("members").rows().size(), members.size());
        assertEquals(table("visits").rows().size(), visits.size());
        assertEquals(40, doctors.size());
        for (String[] m : table("members").rows()) {
            assertEquals(6, m.length, "the declared columns only, no count columns");
            assertTrue(households.contains(m[1]), "member's household exists: " + m[1]);
            assertTrue(doctors.contains(m[5]), "member's doctor exists: " + m[5]);
        }
        for (String[] v : table("visits").rows()) {
            assertTrue(members.contains(v[1]), "visit's member exists: " + v[1]);
        }
        for (RelationReport r : result.relations()) {
            assertEquals(1.0, r.integrity(), r.relation().label());
            assertTrue(r.syntheticReferences() > 0, r.relation().label());
        }
    }

    private static Set<String> keys(DatasetSynthesis.Output table, int column) {
        Set<String> keys = new HashSet<>();
        for (String[] row : table.rows()) {
            assertTrue(keys.add(row[column]), table.name() + " repeats key " + row[column]);
        }
        return keys;
    }

    @Test
    void childrenPerParentFollowTheParentsColumns() {
        RelationReport members = relation("members", "hh");
        assertTrue(members.relation().context());
        assertTrue(members.childrenAccuracy() > 0.85, "children-per-parent accuracy " + members.childrenAccuracy());
        Map<String, String> region = new HashMap<>();
        for (String[] h : table("households").rows()) {
            region.put(h[0], h[1]);
        }
        Map<String, Integer> size = new HashMap<>();
        for (String[] m : table("members").rows()) {
            size.merge(m[1], 1, Integer::sum);
        }
        int[] largeInRegion = new int[2];
        int[] households = new int[2];
        for (Map.Entry<String, String> h : region.entrySet()) {
            int r = h.getValue().equals("north") ? 0 : 1;
            households[r]++;
            largeInRegion[r] += size.getOrDefault(h.getKey(), 0) >= 3 ? 1 : 0;
        }
        // real: no northern household has 3 or more members, every southern one has
        assertTrue(largeInRegion[0] < 0.1 * households[0], "north large: " + largeInRegion[0] + "/" + households[0]);
        assertTrue(largeInRegion[1] > 0.9 * households[1], "south large: " + largeInRegion[1] + "/" + households[1]);
    }

    @Test
    void childRowsFollowTheirParentAndTheSiblingsBefore() {
        Map<String, String> region = new HashMap<>();
        for (String[] h : table("households").rows()) {
            region.put(h[0], h[1]);
        }
        int agreeing = 0;
        int firstHeads = 0;
        int firsts = 0;
        int laterHeads = 0;
        int laters = 0;
        Set<String> seen = new HashSet<>();
        List<String[]> rows = table("members").rows();
        for (String[] m : rows) {
            String expected = region.get(m[1]).equals("north") ? "nordic" : "southern";
            agreeing += m[3].equals(expected) ? 1 : 0;
            if (seen.add(m[1])) {
                firsts++;
                firstHeads += m[2].equals("head") ? 1 : 0;
            } else {
                laters++;
                laterHeads += m[2].equals("head") ? 1 : 0;
            }
        }
        // the language depends on the parent's region only: drawn independently it would agree half the time
        assertTrue(agreeing > 0.8 * rows.size(), "language follows region: " + agreeing + "/" + rows.size());
        // the first of each family is the head, the others are not: a sequence pattern
        assertTrue(firstHeads > 0.8 * firsts, "first members are heads: " + firstHeads + "/" + firsts);
        assertTrue(laterHeads < 0.2 * laters, "later members are not: " + laterHeads + "/" + laters);
        assertTrue(
                relation("members", "hh").parentChildAccuracy() > 0.8,
                "parent-child accuracy " + relation("members", "hh").parentChildAccuracy());
    }

    @Test
    void aGrandchildTableFollowsItsOwnParent() {
        // every head has exactly one visit, nobody else has one
        Map<String, String> role = new HashMap<>();
        for (String[] m : table("members").rows()) {
            role.put(m[0], m[2]);
        }
        long headVisits = table("visits").rows().stream()
                .filter(v -> role.get(v[1]).equals("head"))
                .count();
        int visits = table("visits").rows().size();
        assertTrue(headVisits > 0.85 * visits, "visits of heads: " + headVisits + "/" + visits);
        assertTrue(relation("visits", "member").childrenAccuracy() > 0.85);
    }

    @Test
    void danglingReferencesAreReportedAndMatchedReferencesKeepTheirCounts() {
        RelationReport members = relation("members", "hh");
        assertEquals(DANGLING, members.dangling());
        assertEquals(0, members.missing());
        assertTrue(members.danglingShare() > 0 && members.danglingShare() < 0.01);
        RelationReport doctors = relation("members", "doctor");
        assertFalse(doctors.relation().context(), "a member's second reference is matched");
        assertEquals(RelationReport.MATCHED, doctors.method());
        assertTrue(Double.isNaN(doctors.parentChildAccuracy()));
        assertTrue(doctors.childrenAccuracy() > 0.6, "members per doctor: " + doctors.childrenAccuracy());
        assertEquals(
                table("members").rows().size(),
                doctors.syntheticReferences(),
                "no real member lacks a doctor, so no synthetic one does");
    }

    @Test
    void childrenPerParentAreBinnedByCountOrByDecileRanges() {
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new int[] {0, 1, 2, 3}, RelationMeasures.lowerBounds(new int[] {0, 3, 1, 2, 2}));
        int[] many = java.util.stream.IntStream.rangeClosed(1, 100).toArray();
        int[] bounds = RelationMeasures.lowerBounds(many);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 11, 21, 31, 41, 51, 61, 71, 81, 91}, bounds);
        for (double share : RelationMeasures.shares(many, bounds)) {
            assertEquals(0.1, share, 1e-9);
        }
        // synthetic counts beyond the real ones fall in the open last bin
        assertEquals(1.0, RelationMeasures.shares(new int[] {500}, bounds)[9], 1e-9);
    }

    @Test
    void theReportHasASectionPerReferenceWithItsChart() {
        String json = org.facsimile.synth.report.JsonReport.render("argn", result.reports(), result.relations());
        assertEquals(3, json.split("\"referentialIntegrity\"", -1).length - 1, json);
        assertTrue(json.contains("\"realDangling\":" + DANGLING), json);
        String html = org.facsimile.synth.report.HtmlReport.render(
                "households", "argn", result.reports(), result.relations());
        assertTrue(html.contains("Relations between tables"));
        assertTrue(html.contains("members.hh → households.hh"), "the reference by name");
        assertTrue(html.contains("members rows per households row</h4><svg"), "a chart of children per parent");
        QualityReport.PairQuality weakest = relation("members", "hh").pairs().stream()
                .min(java.util.Comparator.comparingDouble(QualityReport.PairQuality::accuracy))
                .orElseThrow();
        assertTrue(
                weakest.first().startsWith("households.") && weakest.second().startsWith("members."), weakest.first());
        assertTrue(
                html.contains("Weakest parent-child pairs")
                        && html.contains(weakest.first() + " × " + weakest.second()),
                "the weakest parent-child pair by name");
        // the child's weakest columns, named with their accuracy, weakest first
        List<RelationReport.ColumnAccuracy> columns = relation("members", "hh").weakestChildColumns();
        assertEquals(RelationReport.WEAKEST, columns.size(), columns.toString());
        assertTrue(columns.get(0).accuracy() <= columns.get(1).accuracy(), columns.toString());
        QualityReport.ColumnQuality worst = table("members").report().quality().columns().stream()
                .filter(c -> !Double.isNaN(c.accuracy()))
                .min(java.util.Comparator.comparingDouble(QualityReport.ColumnQuality::accuracy))
                .orElseThrow();
        assertEquals(worst.name(), columns.get(0).column());
        assertTrue(html.contains("Weakest columns of members"), "the weakest child columns in the page");
        assertTrue(json.contains("\"weakestChildColumns\":[{\"column\":\"" + worst.name() + "\""), json);
    }

    @Test
    void theTrainingBudgetIsTheDatasetsSharedOutByTheValuesEachModelReads() {
        List<DatasetTable> tables = dataset(new Random(3));
        Relations relations = Relations.of(tables);
        Map<String, TableWork> work = new java.util.LinkedHashMap<>();
        for (DatasetTable t : tables) {
            TableWork w = new TableWork(t);
            w.real = t.table();
            w.spec = t.spec();
            work.put(t.name(), w);
        }
        Map<String, Double> budget = DatasetSynthesis.budgets(relations, work, 600);
        assertEquals(Set.of("households", "members", "visits", "doctors"), budget.keySet());
        // members: about 4,500 rows read with their household's and their sibling's columns; the most
        assertTrue(budget.get("members") > budget.get("households"), budget.toString());
        assertTrue(budget.values().stream().allMatch(s -> s >= DatasetSynthesis.MIN_TABLE_SECONDS), budget.toString());
        // the shares add up to the budget, but for the tables raised to the least a table gets
        double above = budget.values().stream()
                .filter(s -> s > DatasetSynthesis.MIN_TABLE_SECONDS)
                .mapToDouble(Double::doubleValue)
                .sum();
        assertTrue(above <= 600 && above > 450, budget.toString());
        // a budget smaller than the least a table gets is every table's
        assertEquals(10.0, DatasetSynthesis.budgets(relations, work, 10).get("doctors"));
    }

    @Test
    void referencesThatCannotBeSynthesizedAreRefusedNamingTableAndColumn() {
        List<DatasetTable> base = dataset(new Random(1));
        DatasetTable members = base.get(1);
        RelationProblem composite = assertThrows(
                RelationProblem.class,
                () -> planWith(
                        base, members, new ForeignKey(List.of("hh", "role"), "households", List.of("hh", "region"))));
        assertEquals("members", composite.table());
        assertEquals("hh", composite.column());
        assertTrue(composite.getMessage().contains("composite"), composite.getMessage());

        RelationProblem notKey = assertThrows(
                RelationProblem.class, () -> planWith(base, members, ForeignKey.of("role", "households", "region")));
        assertEquals("role", notKey.column());
        assertTrue(notKey.getMessage().contains("not that table's primary key"), notKey.getMessage());

        RelationProblem nowhere =
                assertThrows(RelationProblem.class, () -> planWith(base, members, ForeignKey.of("hh", "homes", "hh")));
        assertTrue(nowhere.getMessage().contains("homes, which is not in this dataset"), nowhere.getMessage());

        RelationProblem baseline = assertThrows(
                RelationProblem.class,
                () -> new DatasetSynthesis(new GaussianCopulaSynthesizer())
                        .run(base, SynthesisSettings.defaults(), ProgressListener.NONE));
        assertEquals("members", baseline.table());
        assertTrue(baseline.getMessage().contains("argn"), baseline.getMessage());
    }

    /** Plans the dataset with the members' references replaced by one. */
    private static org.facsimile.synth.relations.Relations planWith(
            List<DatasetTable> base, DatasetTable members, ForeignKey key) {
        List<DatasetTable> tables = new ArrayList<>(base);
        tables.set(1, new DatasetTable(members.name(), members.table(), members.spec(), List.of(), List.of(key)));
        return org.facsimile.synth.relations.Relations.of(tables);
    }

    @Test
    void tablesReferringToEachOtherGetOneContextAndOneMatchedReference() {
        TableSpec a = new TableSpec(
                "a",
                List.of(
                        new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                        new ColumnSpec("b", ColumnKind.INTEGER, null)),
                List.of("id"));
        TableSpec b = new TableSpec(
                "b",
                List.of(
                        new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                        new ColumnSpec("a", ColumnKind.INTEGER, null)),
                List.of("id"));
        List<String[]> as = new ArrayList<>();
        List<String[]> bs = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            as.add(new String[] {Integer.toString(i), Integer.toString(i)});
            bs.add(new String[] {Integer.toString(i), Integer.toString(1 + i % 50)});
        }
        org.facsimile.synth.relations.Relations plan = org.facsimile.synth.relations.Relations.of(List.of(
                new DatasetTable(
                        "a", new Table("a", a.columnNames(), as), a, List.of(), List.of(ForeignKey.of("b", "b", "id"))),
                new DatasetTable(
                        "b",
                        new Table("b", b.columnNames(), bs),
                        b,
                        List.of(),
                        List.of(ForeignKey.of("a", "a", "id")))));
        assertTrue(plan.all().get(0).context(), "a's reference to b is its context");
        assertFalse(plan.all().get(1).context(), "b's reference back to a would make a cycle: matched");
        assertEquals(
                List.of("b", "a"), plan.order().stream().map(DatasetTable::name).toList());
    }
}
