package org.facsimile.synth;

import java.util.ArrayList;
import java.util.List;
import org.facsimile.synth.constraints.Constraints;
import org.facsimile.synth.dp.PrivacySpent;
import org.facsimile.synth.personal.PersonalColumns;
import org.facsimile.synth.privacy.PrivacyReport;
import org.facsimile.synth.quality.QualityReport;

/**
 * The evaluation of one run: how close to the real data, how far from the real people, and how
 * the direct identifiers were replaced (with the check that no real one reached the output).
 * {@code uniqueReplicasRedrawn} counts the generated rows drawn again because they copied a
 * training row seen only once ({@link org.facsimile.synth.privacy.UniqueReplicas}).
 * {@code publishedAsDeposited} marks a table the depositor declared public reference data: its
 * rows are the deposited ones, so its quality and privacy are not measured.
 */
public record RunReport(
        QualityReport quality,
        PrivacyReport privacy,
        List<PersonalColumns.Treated> personal,
        List<Constraints.Enforcement> constraints,
        Conditioned conditioned,
        PrivacySpent differentialPrivacy,
        long uniqueReplicasRedrawn,
        boolean publishedAsDeposited) {

    /** A generated table's report. */
    public RunReport(
            QualityReport quality,
            PrivacyReport privacy,
            List<PersonalColumns.Treated> personal,
            List<Constraints.Enforcement> constraints,
            Conditioned conditioned,
            PrivacySpent differentialPrivacy,
            long uniqueReplicasRedrawn) {
        this(quality, privacy, personal, constraints, conditioned, differentialPrivacy, uniqueReplicasRedrawn, false);
    }

    /** The report of a table published as deposited: its rows counted, nothing measured. */
    public static RunReport publishedAsDeposited(String table, long rows) {
        return new RunReport(
                QualityReport.notMeasured(table, rows),
                PrivacyReport.notMeasured(),
                List.of(),
                List.of(),
                null,
                null,
                0,
                true);
    }

    /** A run that drew no row again for copying a unique training row. */
    public RunReport(
            QualityReport quality,
            PrivacyReport privacy,
            List<PersonalColumns.Treated> personal,
            List<Constraints.Enforcement> constraints,
            Conditioned conditioned,
            PrivacySpent differentialPrivacy) {
        this(quality, privacy, personal, constraints, conditioned, differentialPrivacy, 0);
    }

    /** A run without a differential-privacy budget. */
    public RunReport(
            QualityReport quality,
            PrivacyReport privacy,
            List<PersonalColumns.Treated> personal,
            List<Constraints.Enforcement> constraints,
            Conditioned conditioned) {
        this(quality, privacy, personal, constraints, conditioned, null);
    }

    /** The constraints' report without conditional generation. */
    public RunReport(
            QualityReport quality,
            PrivacyReport privacy,
            List<PersonalColumns.Treated> personal,
            List<Constraints.Enforcement> constraints) {
        this(quality, privacy, personal, constraints, null);
    }

    public RunReport {
        personal = personal == null ? List.of() : List.copyOf(personal);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    /** A run over a table without direct identifiers or constraints. */
    public RunReport(QualityReport quality, PrivacyReport privacy) {
        this(quality, privacy, List.of(), List.of());
    }

    /**
     * Why the run must not be published, if it must not: the privacy measures' reasons, and any
     * direct-identifier column where a real value reached the output.
     */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>(privacy.reasons());
        for (PersonalColumns.Treated t : personal) {
            if (t.realValuesFound() > 0) {
                reasons.add("column " + t.column() + " (" + t.kind().description() + "): " + t.realValuesFound()
                        + " synthetic values are real ones");
            }
        }
        return reasons;
    }

    /** Whether the run may be published as far as privacy goes. */
    public boolean passed() {
        return privacy.passed() && reasons().isEmpty();
    }

    /**
     * What conditional generation did: rows made from seeds, or a category rebalanced (with the
     * share it reached); the quality measures then compare a deliberately different table.
     */
    public record Conditioned(long seededRows, String rebalancedColumn, double targetShare, double achievedShare) {}
}
