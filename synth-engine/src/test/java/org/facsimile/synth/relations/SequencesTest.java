package org.facsimile.synth.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.argn.ArgnOptions;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.report.HtmlReport;
import org.facsimile.synth.report.JsonReport;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A family table with known sequence rules: each account's transactions are in date order and
 * carry a running balance (credits added, debits taken away). The synthetic families keep both,
 * and the report measures them beside the holdout.
 */
class SequencesTest {

    static final TableSpec ACCOUNTS = new TableSpec(
            "accounts",
            List.of(
                    new ColumnSpec("account", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("type", ColumnKind.CATEGORICAL, null)),
            List.of("account"));
    static final TableSpec TRANSACTIONS = new TableSpec(
            "transactions",
            List.of(
                    new ColumnSpec("transaction", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("account", ColumnKind.INTEGER, null),
                    new ColumnSpec("day", ColumnKind.DATE, null),
                    new ColumnSpec("direction", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("amount", ColumnKind.DECIMAL, null),
                    new ColumnSpec("balance", ColumnKind.DECIMAL, null)),
            List.of("transaction"));

    static DatasetSynthesis.Result result;

    @BeforeAll
    static void synthesize() {
        result = new DatasetSynthesis(new ArgnSynthesizer(ArgnOptions.defaults().withMaxEpochs(12)))
                .run(bank(new Random(7), true), SynthesisSettings.defaults(), ProgressListener.NONE);
    }

    /** 400 accounts, current ones with 3-9 transactions, savings with 1-3; in date order when asked. */
    static List<DatasetTable> bank(Random random, boolean ordered) {
        List<String[]> accounts = new ArrayList<>();
        List<String[]> transactions = new ArrayList<>();
        for (int a = 1; a <= 400; a++) {
            boolean current = random.nextDouble() < 0.6;
            accounts.add(new String[] {Integer.toString(a), current ? "current" : "savings"});
            int count = current ? 3 + random.nextInt(7) : 1 + random.nextInt(3);
            LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(60));
            BigDecimal balance = BigDecimal.valueOf(100 + random.nextInt(900));
            List<String[]> family = new ArrayList<>();
            for (int t = 0; t < count; t++) {
                day = day.plusDays(1 + random.nextInt(10));
                boolean credit = t == 0 || random.nextDouble() < 0.4;
                BigDecimal amount = BigDecimal.valueOf((credit ? 500 : 60) + random.nextInt(100));
                balance = credit ? balance.add(amount) : balance.subtract(amount);
                family.add(new String[] {
                    null,
                    Integer.toString(a),
                    day.toString(),
                    credit ? "credit" : "debit",
                    amount.toPlainString(),
                    balance.toPlainString()
                });
            }
            if (!ordered) {
                java.util.Collections.shuffle(family, random);
            }
            for (String[] row : family) {
                row[0] = Integer.toString(transactions.size() + 1);
                transactions.add(row);
            }
        }
        return List.of(
                new DatasetTable(
                        "accounts",
                        new Table("accounts", ACCOUNTS.columnNames(), accounts),
                        ACCOUNTS,
                        List.of(),
                        List.of()),
                new DatasetTable(
                        "transactions",
                        new Table("transactions", TRANSACTIONS.columnNames(), transactions),
                        TRANSACTIONS,
                        List.of(),
                        List.of(ForeignKey.of("account", "accounts", "account"))));
    }

    /** The synthetic transactions of each synthetic account, in output order. */
    static Map<String, List<String[]>> families() {
        Map<String, List<String[]>> families = new LinkedHashMap<>();
        for (String[] row : result.tables().get(1).rows()) {
            families.computeIfAbsent(row[1], k -> new ArrayList<>()).add(row);
        }
        return families;
    }

    @Test
    void everySyntheticAccountsTransactionsAreInDateOrder() {
        int multi = 0;
        for (List<String[]> family : families().values()) {
            for (int k = 1; k < family.size(); k++) {
                assertFalse(
                        LocalDate.parse(family.get(k)[2]).isBefore(LocalDate.parse(family.get(k - 1)[2])),
                        "transaction " + family.get(k)[0] + " before the one above it");
            }
            multi += family.size() > 1 ? 1 : 0;
        }
        assertTrue(multi > 100, "accounts with several transactions: " + multi);
    }

    @Test
    void theBalanceRunsFromOneTransactionToTheNext() {
        int checked = 0;
        for (List<String[]> family : families().values()) {
            for (int k = 1; k < family.size(); k++) {
                BigDecimal before = new BigDecimal(family.get(k - 1)[5]);
                BigDecimal amount = new BigDecimal(family.get(k)[4]);
                BigDecimal expected = family.get(k)[3].equals("credit") ? before.add(amount) : before.subtract(amount);
                assertEquals(0, expected.compareTo(new BigDecimal(family.get(k)[5])), "balance of " + family.get(k)[0]);
                checked++;
            }
        }
        assertTrue(checked > 500, "consecutive pairs checked: " + checked);
    }

    @Test
    void theReportMeasuresOrderRulesAndCoherenceBesideTheHoldout() {
        RelationReport.Sequence sequence = result.relations().get(0).sequence();
        assertNotNull(sequence);
        assertEquals("day", sequence.orderColumn());
        assertEquals(1.0, sequence.realOrdered());
        assertEquals(1.0, sequence.holdoutOrdered());
        assertEquals(1.0, sequence.syntheticOrdered());
        assertEquals(1, sequence.rules().size(), sequence.rules().toString());
        RelationReport.Rule rule = sequence.rules().get(0);
        assertEquals("balance = balance before \u00b1 amount, the sign given by direction", rule.rule());
        assertEquals(1.0, rule.realShare());
        assertEquals(1.0, rule.holdoutShare());
        assertEquals(1.0, rule.syntheticShare());
        // each column against the next sibling's: measured for the synthetic and the holdout families
        assertEquals(4, sequence.pairs().size(), sequence.pairs().toString());
        assertTrue(sequence.holdoutAccuracy() > 0.8, "holdout coherence " + sequence.holdoutAccuracy());
        assertTrue(
                sequence.accuracy() > sequence.holdoutAccuracy() - 0.15,
                String.format(
                        Locale.ROOT, "coherence %.3f, holdout %.3f", sequence.accuracy(), sequence.holdoutAccuracy()));

        String json = JsonReport.render("argn", result.reports(), result.relations());
        assertTrue(json.contains("\"orderColumn\":\"day\""), json);
        assertTrue(json.contains("\"syntheticOrderedShare\":1.0"), json);
        String html = HtmlReport.render("bank", "argn", result.reports(), result.relations());
        assertTrue(html.contains("Parents whose rows are in order of day"), html);
        assertTrue(html.contains("balance = balance before \u00b1 amount"), html);
    }

    @Test
    void familiesInNoOrderAreLeftInNone() {
        DatasetSynthesis.Result shuffled = new DatasetSynthesis(
                        new ArgnSynthesizer(ArgnOptions.defaults().withMaxEpochs(2)))
                .run(bank(new Random(7), false), SynthesisSettings.defaults(), ProgressListener.NONE);
        RelationReport.Sequence sequence = shuffled.relations().get(0).sequence();
        assertNull(sequence.orderColumn());
        assertTrue(Double.isNaN(sequence.syntheticOrdered()));
        // shuffled, the balance no longer runs from one row to the next
        assertEquals(List.of(), sequence.rules());
    }
}
