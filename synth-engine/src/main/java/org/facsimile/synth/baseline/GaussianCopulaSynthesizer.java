package org.facsimile.synth.baseline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.Generator;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.Step;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * The baseline: every learnt column gets an empirical marginal; a Gaussian copula (the
 * correlation of the columns' normal scores) ties them together. Identifier columns are generated
 * fresh, free text comes from a protected bag of words, constant and empty columns stay so.
 */
public final class GaussianCopulaSynthesizer implements Synthesizer {

    /** Numeric columns with at most this many distinct values are learnt value by value. */
    static final int DISCRETE_LIMIT = 64;
    /** Categories seen fewer times than this are pooled into the rare token. */
    static final int RARE_THRESHOLD = 5;
    /** Numeric tails are clipped to the value of this rank from each end. */
    static final int CLIP_RANK = 5;

    private final boolean independent;

    /** The baseline synthesizer. */
    public GaussianCopulaSynthesizer() {
        this(false);
    }

    private GaussianCopulaSynthesizer(boolean independent) {
        this.independent = independent;
    }

    /**
     * The same marginals with every column drawn on its own (the copula's correlation set to the
     * identity): keeps each column, loses every relation between columns. Not for release; the
     * floor a benchmark measures real synthesizers against.
     */
    public static GaussianCopulaSynthesizer independentColumns() {
        return new GaussianCopulaSynthesizer(true);
    }

    @Override
    public String name() {
        return independent ? "independent-columns" : "baseline";
    }

    @Override
    public Generator fit(Table table, TableSpec spec, SynthesisSettings settings, ProgressListener progress) {
        if (!table.columns().equals(spec.columnNames())) {
            throw new IllegalArgumentException(
                    "table columns " + table.columns() + " differ from spec " + spec.columnNames());
        }
        progress.stepStarted(
                Step.PROFILING, "profiling " + table.columnCount() + " columns of " + table.rowCount() + " rows");
        int m = table.columnCount();
        ColumnModel[] columns = new ColumnModel[m];
        List<Integer> copulaColumns = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            ColumnSpec column = spec.column(c);
            String[] values = table.column(c);
            columns[c] = model(column, values, spec.primaryKey().contains(column.name()));
            if (columns[c].marginal != null) {
                copulaColumns.add(c);
            }
        }

        progress.stepStarted(Step.TRAINING, "fitting the copula over " + copulaColumns.size() + " columns");
        Random random = new Random(settings.seed());
        int k = copulaColumns.size();
        int n = table.rowCount();
        double[][] scores = new double[n][k];
        for (int j = 0; j < k; j++) {
            int c = copulaColumns.get(j);
            Marginal marginal = columns[c].marginal;
            for (int r = 0; r < n; r++) {
                double u = marginal.toUniform(table.row(r)[c], random);
                scores[r][j] = Normal.inverseCdf(Math.min(1 - 1e-9, Math.max(1e-9, u)));
            }
        }
        double[][] cholesky = independent ? identity(k) : Correlation.choleskyOfCorrelation(scores, k);
        int[] copulaIndex = copulaColumns.stream().mapToInt(Integer::intValue).toArray();
        return new CopulaGenerator(columns, copulaIndex, cholesky);
    }

    @Override
    public Generator read(java.io.InputStream in) throws java.io.IOException {
        return CopulaGenerator.read(in);
    }

    private static double[][] identity(int k) {
        double[][] identity = new double[k][k];
        for (int i = 0; i < k; i++) {
            identity[i][i] = 1;
        }
        return identity;
    }

    private static ColumnModel model(ColumnSpec column, String[] values, boolean primaryKey) {
        ColumnKind kind = primaryKey ? ColumnKind.IDENTIFIER : column.kind();
        switch (kind) {
            case IDENTIFIER:
                return ColumnModel.identifier(allIntegers(values));
            case TEXT:
                return ColumnModel.text(TextModel.fit(values, RARE_THRESHOLD));
            case EMPTY:
                return ColumnModel.constant(null);
            case CONSTANT:
                return ColumnModel.constant(firstNonNull(values));
            case INTEGER:
            case DECIMAL:
            case DATE:
            case DATETIME:
                if (distinct(values) <= DISCRETE_LIMIT) {
                    return ColumnModel.of(DiscreteMarginal.fit(
                            values, kind == ColumnKind.INTEGER || kind == ColumnKind.DECIMAL, RARE_THRESHOLD));
                }
                return ColumnModel.of(ContinuousMarginal.fit(values, kind, CLIP_RANK));
            case BOOLEAN:
            case CATEGORICAL:
            default:
                return ColumnModel.of(DiscreteMarginal.fit(values, false, RARE_THRESHOLD));
        }
    }

    private static int distinct(String[] values) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (v != null && seen.add(v) && seen.size() > DISCRETE_LIMIT) {
                break;
            }
        }
        return seen.size();
    }

    private static boolean allIntegers(String[] values) {
        for (String v : values) {
            if (v != null && !v.matches("-?[0-9]{1,18}")) {
                return false;
            }
        }
        return true;
    }

    private static String firstNonNull(String[] values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** How one column is generated: through the copula, or on its own. */
    static final class ColumnModel {
        final Marginal marginal;
        final TextModel text;
        final boolean identifier;
        final boolean integerIdentifier;
        final String constant;

        private ColumnModel(
                Marginal marginal, TextModel text, boolean identifier, boolean integerIdentifier, String constant) {
            this.marginal = marginal;
            this.text = text;
            this.identifier = identifier;
            this.integerIdentifier = integerIdentifier;
            this.constant = constant;
        }

        void write(java.io.DataOutputStream out) throws java.io.IOException {
            if (marginal instanceof DiscreteMarginal d) {
                out.writeByte(0);
                d.write(out);
            } else if (marginal instanceof ContinuousMarginal c) {
                out.writeByte(1);
                c.write(out);
            } else if (text != null) {
                out.writeByte(2);
                text.write(out);
            } else if (identifier) {
                out.writeByte(3);
                out.writeBoolean(integerIdentifier);
            } else {
                out.writeByte(4);
                Io.writeString(out, constant);
            }
        }

        static ColumnModel read(java.io.DataInputStream in) throws java.io.IOException {
            int tag = in.readByte();
            return switch (tag) {
                case 0 -> of(DiscreteMarginal.read(in));
                case 1 -> of(ContinuousMarginal.read(in));
                case 2 -> text(TextModel.read(in));
                case 3 -> identifier(in.readBoolean());
                case 4 -> constant(Io.readString(in));
                default -> throw new java.io.IOException("corrupt model file: column model " + tag);
            };
        }

        static ColumnModel of(Marginal marginal) {
            return new ColumnModel(marginal, null, false, false, null);
        }

        static ColumnModel text(TextModel text) {
            return new ColumnModel(null, text, false, false, null);
        }

        static ColumnModel identifier(boolean integers) {
            return new ColumnModel(null, null, true, integers, null);
        }

        static ColumnModel constant(String value) {
            return new ColumnModel(null, null, false, false, value);
        }
    }
}
