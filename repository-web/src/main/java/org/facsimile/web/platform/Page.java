package org.facsimile.web.platform;

import static org.facsimile.synth.report.Html.esc;

/**
 * The one layout of the repository's own pages: a skip link, a header with the repository's name
 * and its sections (search, my deposits, account or sign in), the page's main content, and one
 * stylesheet. Plain HTML: every page works without JavaScript, is usable by keyboard (visible
 * focus), and keeps text at WCAG AA contrast.
 */
public final class Page {

    /** The sections in the header; the current one is marked for assistive technology. */
    public enum Section {
        SEARCH("/search", "Search"),
        DEPOSITS("/deposits", "My deposits"),
        ACCOUNT("/account", "Account"),
        NONE(null, null);

        final String href;
        final String label;

        Section(String href, String label) {
            this.href = href;
            this.label = label;
        }
    }

    static final String STYLE =
            "body{font-family:system-ui,sans-serif;max-width:72rem;margin:0 auto;padding:0 1rem 2rem;"
                    + "line-height:1.5;color:#1b1b1b;background:#fff}a{color:#1d4ed8}a:focus,button:focus,input:focus,"
                    + "select:focus,textarea:focus{outline:3px solid #f59e0b;outline-offset:2px}"
                    + ".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}"
                    + "header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;"
                    + "border-bottom:1px solid #d4d4d8;padding:.75rem 0;margin-bottom:1rem}header .home{font-weight:700;"
                    + "font-size:1.2rem;color:#1b1b1b;text-decoration:none}header nav ul{display:flex;gap:1rem;list-style:none;"
                    + "margin:0;padding:0}header nav a[aria-current]{font-weight:700;color:#1b1b1b}"
                    + "label{display:block;font-weight:600;margin-top:.75rem}input,select,textarea{font:inherit;padding:.35rem;"
                    + "border:1px solid #71717a;border-radius:.25rem}button{font:inherit;padding:.4rem .9rem;border-radius:.25rem;"
                    + "border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}button.quiet{background:#fff;"
                    + "color:#1d4ed8}.field-error{color:#b91c1c;font-weight:600}.error{border:2px solid #b91c1c;padding:.5rem;"
                    + "border-radius:.3rem}.notice{border:2px solid #15803d;padding:.5rem;border-radius:.3rem}"
                    + "form.dropping{outline:3px dashed #1d4ed8;outline-offset:.25rem}"
                    + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d4d4d8;padding:.35rem .5rem;"
                    + "text-align:left;vertical-align:top}code.secret{font-size:1.05rem;word-break:break-all;background:#f4f4f5;"
                    + "padding:.2rem .4rem}.state{font-size:.85rem;border:1px solid #52525b;border-radius:.3rem;padding:0 .35rem}"
                    + "fieldset{border:1px solid #d4d4d8;margin-top:.75rem}fieldset label{display:inline;font-weight:400}";

    /** How the pages write a moment: 5 Mar 2026 14:05 UTC. */
    public static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern(
                    "d MMM yyyy HH:mm 'UTC'", java.util.Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);

    private Page() {}

    /**
     * A whole page.
     *
     * @param title the page's own title (the repository's name is added)
     * @param section the header section it belongs to
     * @param signedInAs the signed-in person's name, or null
     * @param main the content of {@code <main>}, already escaped where it holds data
     */
    public static String render(String title, Section section, String signedInAs, String main) {
        return render(title, section, signedInAs, "", main);
    }

    /** A whole page with styles of its own besides the layout's. */
    public static String render(String title, Section section, String signedInAs, String style, String main) {
        return render(title, section, signedInAs, style, "", main);
    }

    /**
     * A whole page with styles of its own and more in its head (scripts of this site, a
     * {@code <noscript>} refresh).
     */
    public static String render(
            String title, Section section, String signedInAs, String style, String head, String main) {
        return layout(Setting.REPOSITORY_NAME.get(), title, section, signedInAs, style, head, main);
    }

    /** The page for a repository of a given name. */
    static String layout(
            String name, String title, Section section, String signedInAs, String style, String head, String main) {
        String repository = esc(name);
        StringBuilder html = new StringBuilder(4096 + main.length());
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(esc(title))
                .append(" | ")
                .append(repository)
                .append("</title><style>")
                .append(STYLE)
                .append(style)
                .append("</style>")
                // keeps what a form holds when the session ends before it is sent (static/keep.js)
                .append("<script src=\"/static/keep.js\" defer></script>")
                .append(head)
                .append("</head><body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
                .append("<header><a class=\"home\" href=\"/\">")
                .append(repository)
                .append("</a><nav aria-label=\"Sections\"><ul>");
        for (Section s : Section.values()) {
            if (s.href == null || s == Section.ACCOUNT && signedInAs == null) {
                continue;
            }
            link(html, s, section, s == Section.ACCOUNT ? "Account (" + signedInAs + ")" : s.label);
        }
        if (signedInAs == null) {
            html.append("<li><a href=\"/sign-in\">Sign in</a></li>");
        }
        html.append("</ul></nav></header>\n<main id=\"main\">\n").append(main).append("</main></body></html>\n");
        return html.toString();
    }

    private static void link(StringBuilder html, Section s, Section current, String label) {
        html.append("<li><a href=\"")
                .append(s.href)
                .append('"')
                .append(s == current ? " aria-current=\"page\"" : "")
                .append('>')
                .append(esc(label))
                .append("</a></li>");
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
