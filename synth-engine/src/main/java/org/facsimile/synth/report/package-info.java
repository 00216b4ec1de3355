/**
 * The quality and privacy report as one self-contained HTML page with SVG charts: no scripts, no
 * external files, so it can be stored, mailed and opened anywhere.
 */
package org.facsimile.synth.report;
