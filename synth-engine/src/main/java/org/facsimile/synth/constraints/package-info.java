/**
 * Rules every synthetic row obeys (ranges, inequalities between columns, fixed combinations,
 * computed columns), read from their text by {@code ConstraintParser}: the model learns the
 * inequalities as differences and the combinations as one column, and rows that still break a
 * rule are drawn again ({@code Constraints}). Refusals are {@code ConstraintProblem}s naming the
 * rule and column, never a value.
 */
package org.facsimile.synth.constraints;
