package org.facsimile.vocab;

import java.util.List;

/**
 * Where a description stands among its dataset's versions. A version names the dataset as a whole
 * (its concept: the URL and DOI that always lead to the latest version) and its neighbours; the
 * concept's own description (what its DOI is registered with) names every version instead.
 *
 * @param conceptUri the dataset's URL, for a version; null for the concept itself
 * @param conceptDoi the concept DOI, for a version; null for the concept itself
 * @param previousUri the version before, or null
 * @param previousDoi its DOI, or null
 * @param nextUri the version after (this one is superseded), or null
 * @param nextDoi its DOI, or null
 * @param versionDois for the concept, the DOIs of all its versions, oldest first; else empty
 */
public record Versioning(
        String conceptUri,
        String conceptDoi,
        String previousUri,
        String previousDoi,
        String nextUri,
        String nextDoi,
        List<String> versionDois) {

    /** No version relations (a description on its own, as in unit tests of the renderers). */
    public static final Versioning NONE = new Versioning(null, null, null, null, null, null, List.of());

    public Versioning {
        versionDois = List.copyOf(versionDois);
    }

    /** The concept's relations: it has these versions. */
    public static Versioning concept(List<String> versionDois) {
        return new Versioning(null, null, null, null, null, null, versionDois);
    }

    /** A later version exists: this one is superseded. */
    public boolean superseded() {
        return nextDoi != null;
    }

    /** A DataCite relatedIdentifier: what, of which type, and how it relates. */
    public record Related(String identifier, String identifierType, String relationType) {}

    /** The version relations as DataCite states them, the same in its XML and its JSON. */
    public List<Related> related() {
        List<Related> related = new java.util.ArrayList<>();
        if (conceptDoi != null) {
            related.add(new Related(conceptDoi, "DOI", "IsVersionOf"));
        }
        if (previousDoi != null) {
            related.add(new Related(previousDoi, "DOI", "IsNewVersionOf"));
        }
        if (nextDoi != null) {
            related.add(new Related(nextDoi, "DOI", "IsPreviousVersionOf"));
        }
        for (String doi : versionDois) {
            related.add(new Related(doi, "DOI", "HasVersion"));
        }
        return related;
    }
}
