/**
 * Differential privacy for a synthesis run: the budget ({@link
 * org.facsimile.synth.dp.DifferentialPrivacy}), the RDP accountant of DP-SGD ({@link
 * org.facsimile.synth.dp.RdpAccountant}), the randomness noise must come from ({@link
 * org.facsimile.synth.dp.Noise}) and what a run spent ({@link org.facsimile.synth.dp.PrivacySpent}).
 */
package org.facsimile.synth.dp;
