package org.facsimile.synth.columns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.personal.FakePeople;
import org.facsimile.synth.personal.RealValues;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.KeyShape;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * How one column is learnt and generated, shared by every synthesizer: a protected
 * {@link Marginal} for the columns a model learns jointly, or a rule of its own for the rest
 * (identifiers generated fresh, direct identifiers as fakes of their kind, free text from a
 * protected bag of words, constant and empty columns kept so). Value protection lives here: rare categories are pooled into
 * {@link DiscreteMarginal#RARE_TOKEN}, numeric tails are clipped, rare words are dropped.
 */
public final class ColumnModel {

    /**
     * Numbers with at most this many distinct values are learnt value by value, so no synthetic
     * number is one that no one reported (a spiky column of amounts keeps its amounts): the value
     * set is small enough to be a vocabulary, and rare values fold into a frequent neighbour or
     * are published for groups of them together.
     */
    public static final int DISCRETE_LIMIT = 500;

    /** Dates and times with at most this many distinct values are learnt value by value. */
    public static final int DISCRETE_TEMPORAL_LIMIT = 64;

    /**
     * ... and only when at least this share of the rows hold a value frequent enough to publish:
     * a column of mostly once-seen numbers (populations, weights) has no value set to keep, and
     * folding it into its few frequent values would flatten it; it is continuous.
     */
    static final double FREQUENT_SHARE = 0.5;

    /**
     * ... a value per token when at least this many rows stand behind each value on average; with
     * fewer, a network learns little from a value seen a handful of times (70 ages over 400 rows),
     * and a lot from bins of neighbouring values, which share what they teach: the value set is
     * then learnt in bins of neighbouring values, as a continuous column's quantile bins, and
     * still only published values are generated (a whole-degree temperature stays whole).
     */
    static final int ROWS_PER_VALUE = 20;

    /**
     * Categories seen fewer times than a threshold drawn per column from [RARE_THRESHOLD,
     * RARE_THRESHOLD + RARE_THRESHOLD_SPREAD) are pooled into the rare token; a random threshold
     * keeps an attacker from knowing exactly which counts are published. The threshold is 4 or 5,
     * so every category of five or more rows is kept, as a depositor expects.
     */
    public static final int RARE_THRESHOLD = 4;

    public static final int RARE_THRESHOLD_SPREAD = 2;
    /** Numeric tails are clipped to the value of this rank from each end. */
    public static final int CLIP_RANK = 5;

    private final Marginal marginal;
    private final TextModel text;
    private final boolean identifier;
    private final KeyShape keyShape;
    private final String constant;
    private final Personal personal;

    /**
     * A direct identifier: fakes of its kind and locale, never one of the real values (kept as
     * salted hashes only).
     */
    private record Personal(PersonalData kind, String lang, RealValues real, FakePeople fakes) {
        Personal(PersonalData kind, String lang, RealValues real) {
            this(kind, lang, real, new FakePeople(ColumnSpec.localeOf(lang)));
        }
    }

    private ColumnModel(Marginal marginal, TextModel text, boolean identifier, KeyShape keyShape, String constant) {
        this(marginal, text, identifier, keyShape, constant, null);
    }

    private ColumnModel(
            Marginal marginal,
            TextModel text,
            boolean identifier,
            KeyShape keyShape,
            String constant,
            Personal personal) {
        this.marginal = marginal;
        this.text = text;
        this.identifier = identifier;
        this.keyShape = keyShape;
        this.constant = constant;
        this.personal = personal;
    }

    /** Draws before a fake that keeps matching real values is given up (never in practice). */
    static final int FAKE_ATTEMPTS = 100;

    /**
     * The models of every column of a table, each column's rare-category threshold drawn from
     * {@code seed}.
     *
     * @throws IllegalArgumentException when the table's columns are not the spec's, or it has no rows
     */
    public static ColumnModel[] fitAll(Table table, TableSpec spec, long seed) {
        if (!table.columns().equals(spec.columnNames())) {
            throw new IllegalArgumentException(
                    "table columns " + table.columns() + " differ from spec " + spec.columnNames());
        }
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("table " + table.name() + " has no rows to learn from");
        }
        Random protection = new Random(seed);
        ColumnModel[] columns = new ColumnModel[table.columnCount()];
        for (int c = 0; c < columns.length; c++) {
            ColumnSpec column = spec.column(c);
            columns[c] = fit(column, table.column(c), spec.primaryKey().contains(column.name()), protection);
        }
        return columns;
    }

    /**
     * @param column what the column is
     * @param values its training values (null = missing), all valid for {@code column.kind()}
     * @param primaryKey the column is (part of) the table's key: generated fresh, never learnt
     * @param random draws the column's rare-category threshold
     */
    public static ColumnModel fit(ColumnSpec column, String[] values, boolean primaryKey, Random random) {
        ColumnKind kind = primaryKey ? ColumnKind.IDENTIFIER : column.kind();
        // drawn from the low bits too: java.util.Random's first draw with a power-of-two bound is
        // its high bit, the same for nearby seeds
        int rare = RARE_THRESHOLD + random.nextInt(RARE_THRESHOLD_SPREAD * 1009) / 1009;
        if (column.personal() != null && !primaryKey) {
            return new ColumnModel(
                    null,
                    null,
                    false,
                    null,
                    null,
                    new Personal(column.personal(), column.lang(), RealValues.of(values)));
        }
        switch (kind) {
            case IDENTIFIER:
                return new ColumnModel(null, null, true, KeyShape.of(values), null);
            case TEXT:
                return new ColumnModel(null, TextModel.fit(values, rare), false, null, null);
            case CODE:
                return of(CodeMarginal.fit(values, rare));
            case EMPTY:
                return constant(null);
            case CONSTANT:
                return constant(firstNonNull(values));
            case INTEGER:
            case DECIMAL:
            case DATE:
            case DATETIME:
            case TIME:
                int limit = kind.isTemporal() ? DISCRETE_TEMPORAL_LIMIT : DISCRETE_LIMIT;
                int distinct = distinct(values, limit);
                if (distinct <= limit && frequentShare(values, rare) >= FREQUENT_SHARE) {
                    int present = present(values);
                    if (present >= ROWS_PER_VALUE * distinct) {
                        return of(DiscreteMarginal.fit(values, true, rare));
                    }
                    if (!kind.isTemporal()) {
                        return of(DiscreteMarginal.fitGrouped(values, rare, ContinuousMarginal.quantileBins(present)));
                    }
                }
                return of(ContinuousMarginal.fit(values, kind, CLIP_RANK));
            case BOOLEAN:
            case CATEGORICAL:
            default:
                return of(DiscreteMarginal.fit(values, false, rare));
        }
    }

    /**
     * The models of every column under differential privacy: the value protection of each learnt
     * column (which categories exist, the numeric range, the missing share) from counts with the
     * budget's Gaussian noise for as many counts as a row adds to ({@link #privateCounts}, {@link
     * org.facsimile.synth.dp.DifferentialPrivacy#valueNoise}), categories kept above its
     * threshold. Identifiers and direct identifiers are made up as usual; free text has no
     * private model and is refused.
     *
     * @throws IllegalArgumentException naming a free-text column
     */
    public static ColumnModel[] fitAllPrivate(
            Table table, TableSpec spec, org.facsimile.synth.dp.DifferentialPrivacy budget) {
        if (!table.columns().equals(spec.columnNames())) {
            throw new IllegalArgumentException(
                    "table columns " + table.columns() + " differ from spec " + spec.columnNames());
        }
        ColumnModel[] columns = new ColumnModel[table.columnCount()];
        int learnt = 0;
        for (int c = 0; c < columns.length; c++) {
            ColumnSpec column = spec.column(c);
            boolean key = spec.primaryKey().contains(column.name());
            if (column.personal() != null
                    || key
                    || column.kind() == ColumnKind.IDENTIFIER
                    || column.kind() == ColumnKind.EMPTY) {
                columns[c] = fit(column, table.column(c), key, new Random(0));
            } else if (column.kind() == ColumnKind.TEXT) {
                throw new IllegalArgumentException("column " + column.name()
                        + " holds free text, which cannot be published under differential privacy;"
                        + " mark it as personal data (replaced by fakes) or leave it out");
            } else {
                learnt++;
            }
        }
        if (learnt == 0) {
            return columns;
        }
        int counts = 0;
        for (int c = 0; c < columns.length; c++) {
            counts += columns[c] != null ? 0 : spec.column(c).kind().isNumeric() ? 2 : 1;
        }
        double deviation = budget.valueNoise(counts);
        double threshold = budget.categoryThreshold(counts);
        org.facsimile.synth.dp.Noise noise = org.facsimile.synth.dp.Noise.fresh();
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null) {
                continue;
            }
            ColumnKind kind = spec.column(c).kind();
            String[] values = table.column(c);
            columns[c] = kind.isNumeric()
                    ? of(ContinuousMarginal.fitPrivate(values, kind, deviation, noise))
                    : of(DiscreteMarginal.fitPrivate(values, deviation, threshold, noise));
        }
        return columns;
    }

    /**
     * How many noisy counts each row adds to in {@link #fitAllPrivate}'s models: one per
     * categorical column, two per numeric one (its range cells and their parts).
     */
    public static int privateCounts(ColumnModel[] columns) {
        int counts = 0;
        for (ColumnModel column : columns) {
            counts += column.marginal() instanceof ContinuousMarginal ? 2 : column.marginal() != null ? 1 : 0;
        }
        return counts;
    }

    /** The indexes of the columns a model learns jointly (those with a marginal), in table order. */
    public static int[] jointlyLearnt(ColumnModel[] columns) {
        return java.util.stream.IntStream.range(0, columns.length)
                .filter(c -> columns[c].marginal() != null)
                .toArray();
    }

    /** The column's distribution when a model learns it jointly with others; null when it does not. */
    public Marginal marginal() {
        return marginal;
    }

    /**
     * A value for a column that is not learnt jointly ({@link #marginal()} is null).
     *
     * @param row the 0-based number of the generated row, for fresh identifiers and the fake
     *     person of the row
     * @param seed the run's seed: with the row, it picks the fake person
     */
    public String generate(long row, long seed, Random random) {
        if (personal != null) {
            for (int attempt = 0; attempt < FAKE_ATTEMPTS; attempt++) {
                String fake = personal.fakes().value(personal.kind(), seed, row, attempt);
                if (!personal.real().contains(fake)) {
                    return fake;
                }
            }
            throw new IllegalStateException("no fake " + personal.kind().description() + " unlike the real ones");
        }
        if (identifier) {
            return keyShape.key(row, seed);
        }
        if (text != null) {
            return text.sample(random);
        }
        if (marginal != null) {
            throw new IllegalStateException("a learnt column is generated by its model");
        }
        return constant;
    }

    public void write(DataOutputStream out) throws IOException {
        if (marginal instanceof DiscreteMarginal d && d.grouped() > 0) {
            out.writeByte(9);
            d.write(out);
            d.writeGrouping(out);
        } else if (marginal instanceof DiscreteMarginal d) {
            out.writeByte(0);
            d.write(out);
        } else if (marginal instanceof ContinuousMarginal c) {
            out.writeByte(1);
            c.write(out);
        } else if (text != null) {
            out.writeByte(2);
            text.write(out);
        } else if (marginal instanceof CodeMarginal code) {
            out.writeByte(7);
            code.write(out);
        } else if (identifier) {
            out.writeByte(6);
            keyShape.write(out);
        } else if (personal != null) {
            out.writeByte(5);
            Io.writeString(out, personal.kind().token());
            Io.writeString(out, personal.lang());
            personal.real().write(out);
        } else {
            out.writeByte(4);
            Io.writeString(out, constant);
        }
    }

    public static ColumnModel read(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 0 -> of(DiscreteMarginal.read(in));
            // a number column's value set learnt in bins of neighbouring values
            case 9 -> of(DiscreteMarginal.read(in).readGrouping(in));
            case 1 -> of(ContinuousMarginal.read(in));
            case 2 -> new ColumnModel(null, TextModel.read(in), false, null, null);
            // model files before key shapes: whole numbers, or the S00000001 form
            case 3 -> new ColumnModel(null, null, true, in.readBoolean() ? KeyShape.NUMBERS : KeyShape.FALLBACK, null);
            case 6 -> new ColumnModel(null, null, true, KeyShape.read(in), null);
            case 7 -> of(CodeMarginal.read(in));
            case 4 -> constant(Io.readString(in));
            case 5 -> {
                String token = Io.readString(in);
                PersonalData kind = PersonalData.ofToken(token)
                        .orElseThrow(() -> new IOException("corrupt model file: personal data kind " + token));
                yield new ColumnModel(
                        null, null, false, null, null, new Personal(kind, Io.readString(in), RealValues.read(in)));
            }
            default -> throw new IOException("corrupt model file: column model " + tag);
        };
    }

    private static ColumnModel of(Marginal marginal) {
        return new ColumnModel(marginal, null, false, null, null);
    }

    private static ColumnModel constant(String value) {
        return new ColumnModel(null, null, false, null, value);
    }

    private static int present(String[] values) {
        int n = 0;
        for (String v : values) {
            n += v == null ? 0 : 1;
        }
        return n;
    }

    /** The share of non-missing values seen at least {@code threshold} times. */
    private static double frequentShare(String[] values, int threshold) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        int present = 0;
        for (String v : values) {
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
                present++;
            }
        }
        long frequent = counts.values().stream()
                .filter(n -> n >= threshold)
                .mapToLong(Integer::longValue)
                .sum();
        return present == 0 ? 1 : frequent / (double) present;
    }

    private static int distinct(String[] values, int limit) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (v != null && seen.add(v) && seen.size() > limit) {
                break;
            }
        }
        return seen.size();
    }

    private static String firstNonNull(String[] values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
