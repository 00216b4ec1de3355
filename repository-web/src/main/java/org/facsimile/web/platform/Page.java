package org.facsimile.web.platform;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one layout of the repository's own pages ({@code layout.jte}): a skip link, a header with
 * the repository's name and its sections (search, my deposits, account or sign in), the page's
 * main content, and the site's stylesheet. Plain HTML: every page works without JavaScript, is
 * usable by keyboard (visible focus), and keeps text at WCAG AA contrast.
 */
public final class Page {

    /** The sections in the header; the current one is marked for assistive technology. */
    public enum Section {
        SEARCH("/search", "Search"),
        DEPOSITS("/deposits", "My deposits"),
        ACCOUNT("/account", "Account"),
        NONE(null, null);

        private final String href;
        private final String label;

        Section(String href, String label) {
            this.href = href;
            this.label = label;
        }

        public String href() {
            return href;
        }
    }

    /**
     * What the layout shows around a page's content.
     *
     * @param repository the repository's name
     * @param title the page's own title (the repository's name is added)
     * @param section the header section it belongs to
     * @param signedInAs the signed-in person's name, or null
     * @param stylesheets the page's own stylesheets under {@code /static/}, beside the site's
     */
    public record Frame(String repository, String title, Section section, String signedInAs, List<String> stylesheets) {

        /** The sections the header links to: Account only for someone signed in. */
        public List<Section> links() {
            return Arrays.stream(Section.values())
                    .filter(s -> s.href != null && (s != Section.ACCOUNT || signedInAs != null))
                    .toList();
        }

        /** A section's link text. */
        public String label(Section s) {
            return s == Section.ACCOUNT ? "Account (" + signedInAs + ")" : s.label;
        }
    }

    /** How the pages write a moment: 5 Mar 2026 14:05 UTC. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** How the pages write the moment of a step: 5 Mar 2026 14:05:09 UTC (live and after a reload alike). */
    public static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern(
                    "d MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Page() {}

    /** The frame of a page of this repository, with the page's own stylesheets ({@code "search"}). */
    public static Frame frame(String title, Section section, String signedInAs, String... stylesheets) {
        return new Frame(Setting.REPOSITORY_NAME.get(), title, section, signedInAs, List.of(stylesheets));
    }

    /**
     * A path to go back to after signing in: only a path of this site ({@code /account}), never
     * another site ({@code //evil.example}, {@code https://...}) or a path with control characters.
     */
    public static String safeReturn(String returnTo, String fallback) {
        if (returnTo == null
                || !returnTo.startsWith("/")
                || returnTo.startsWith("//")
                || returnTo.startsWith("/\\")
                || returnTo.length() > 500
                || !returnTo.matches("[\\x21-\\x7e]*")) {
            return fallback;
        }
        return returnTo;
    }
}
