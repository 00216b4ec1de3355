package org.facsimile.synth.relations;

import java.util.List;
import org.facsimile.synth.quality.QualityReport;

/**
 * How one reference fared: the real data's broken references, the synthetic data's integrity,
 * how many rows refer to each parent, and (for a context) how well the parent's columns go with
 * its children's.
 *
 * @param relation the reference
 * @param method how the synthetic references were made
 * @param realReferences real rows of the child table
 * @param missing real rows whose reference is empty
 * @param dangling real rows whose reference points at no parent row (left out of training for a
 *     context reference)
 * @param syntheticReferences synthetic child rows with a reference
 * @param resolved of those, how many point at a synthetic parent row: all of them, or a bug
 * @param children per number of referring rows, the share of parents with that many, real and
 *     synthetic (the last bin holds that many or more)
 * @param childrenAccuracy 1 - TVD between the real (training) and synthetic children-per-parent
 *     distributions; for a parent published as deposited, whose every row is shared by training,
 *     holdout and synthetic children, each count is scaled to the training rows' total
 * @param holdoutChildrenAccuracy the same for the holdout parents, the reference
 * @param realMeanChildren mean referring rows per real (training) parent
 * @param syntheticMeanChildren mean referring rows per synthetic parent
 * @param parentChildAccuracy mean bivariate accuracy over pairs of a parent column and a child
 *     column, children joined to their parents; NaN for a matched reference
 * @param holdoutParentChildAccuracy the same for the holdout rows
 * @param pairs the parent-child pairs, each with its accuracy
 * @param sequence how the children of one parent follow one another; null for a matched reference
 * @param weakestChildColumns the child table's {@link #WEAKEST} least accurate columns, weakest
 *     first: where its synthetic rows differ most from the real ones
 */
public record RelationReport(
        Relations.Relation relation,
        String method,
        long realReferences,
        long missing,
        long dangling,
        long syntheticReferences,
        long resolved,
        List<QualityReport.Bin> children,
        double childrenAccuracy,
        double holdoutChildrenAccuracy,
        double realMeanChildren,
        double syntheticMeanChildren,
        double parentChildAccuracy,
        double holdoutParentChildAccuracy,
        List<QualityReport.PairQuality> pairs,
        Sequence sequence,
        List<ColumnAccuracy> weakestChildColumns) {

    /** How many of the child's weakest columns a relation's report names. */
    public static final int WEAKEST = 3;

    /** A column of the child table and its accuracy (1 - TVD against the training rows). */
    public record ColumnAccuracy(String column, double accuracy) {}

    /**
     * Coherence: how a parent's children follow one another, real and synthetic.
     *
     * @param orderColumn the column the real children of nearly every parent are in order by (a
     *     date, a number); null when they follow none, and the shares are NaN
     * @param realOrdered the share of training parents with two or more children whose children
     *     are in that order
     * @param holdoutOrdered the same for the holdout parents
     * @param syntheticOrdered the same for the synthetic parents
     * @param accuracy mean over the child's columns of the bivariate accuracy of a row's value
     *     against the next sibling's, training against synthetic; NaN when no parent has two children
     * @param holdoutAccuracy the same for the holdout families, the reference
     * @param pairs per column, its accuracy against itself one sibling later
     * @param rules the rules the real siblings follow from one to the next (a running total)
     */
    public record Sequence(
            String orderColumn,
            double realOrdered,
            double holdoutOrdered,
            double syntheticOrdered,
            double accuracy,
            double holdoutAccuracy,
            List<QualityReport.PairQuality> pairs,
            List<Rule> rules) {

        public Sequence {
            pairs = List.copyOf(pairs);
            rules = List.copyOf(rules);
        }
    }

    /**
     * A rule from one sibling to the next, and for what share of consecutive siblings it holds.
     *
     * @param rule the rule in words, with column names only
     * @param realShare in the training families
     * @param holdoutShare in the holdout families
     * @param syntheticShare in the synthetic families
     */
    public record Rule(String rule, double realShare, double holdoutShare, double syntheticShare) {}

    /** How a context reference is generated. */
    public static final String CONTEXT =
            "context: children generated per parent as a sequence, given the parent's synthetic row and the"
                    + " sibling before";

    /** How a reference to a table published as deposited is generated. */
    public static final String PUBLISHED =
            "kept: the referenced table is published as deposited, and its keys were learnt as one of this"
                    + " table's columns";

    /** How a matched reference is filled. */
    public static final String MATCHED =
            "matched: each synthetic row given a synthetic parent at random, keeping how many rows refer to"
                    + " each parent and the share of empty references";

    public RelationReport {
        children = List.copyOf(children);
        pairs = List.copyOf(pairs);
        weakestChildColumns = List.copyOf(weakestChildColumns);
    }

    /** The share of real references that point nowhere. */
    public double danglingShare() {
        return realReferences == 0 ? 0 : (double) dangling / realReferences;
    }

    /** The share of synthetic references that resolve: 1, referential integrity. */
    public double integrity() {
        return syntheticReferences == 0 ? 1 : (double) resolved / syntheticReferences;
    }
}
