package org.facsimile.vocab;

import java.time.Instant;
import java.util.Objects;

/**
 * How a synthetic version was made: the synthesis run that generated it from its input, as W3C
 * PROV says it (an activity, its software agent, when it ran).
 *
 * @param software the software agent ("Facsimile synth-engine")
 * @param method the synthesizer and its chosen settings in words ("argn, seed 42, differential
 *     privacy with epsilon 2")
 * @param started when the run started, or null
 * @param ended when it finished, or null
 */
public record Provenance(String software, String method, Instant started, Instant ended) {

    public Provenance {
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(method, "method");
    }
}
