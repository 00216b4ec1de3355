package org.facsimile.web.review;

import java.util.List;

/**
 * The confirmation before publishing ({@code publish.jte}): what becomes public and permanent.
 *
 * @param id the deposit
 * @param title its title
 * @param tables its tables' files, whose synthetic versions are published
 * @param doi the DOI that will be registered
 * @param licence the licence's name
 * @param review whether curators review it first (the repository requires review)
 * @param embargo when and why the data files open later, in words, or null when they open at once
 * @param csrf the session's form token
 */
public record PublishView(
        String id,
        String title,
        List<String> tables,
        String doi,
        String licence,
        boolean review,
        String embargo,
        String csrf) {}
