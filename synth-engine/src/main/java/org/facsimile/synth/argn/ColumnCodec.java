package org.facsimile.synth.argn;

import java.util.Random;

/**
 * One learnt column as the network sees it: one or more token positions (a date is a year, a
 * month and a day), each with its own vocabulary. Values go in as tokens and come back from them,
 * within what the column's protected marginal publishes.
 */
interface ColumnCodec {

    /** The vocabulary size of each of the column's token positions. */
    int[] vocab();

    /** Writes the value's tokens to {@code out} from {@code offset}. */
    void encode(String value, Random random, int[] out, int offset);

    /** The value of the tokens in {@code tokens} from {@code offset}, formatted as in the input. */
    String decode(int[] tokens, int offset, Random random);
}
