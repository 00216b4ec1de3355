package org.facsimile.web.platform;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The pages' templates ({@code src/main/jte}, one per page, the layout and fragments shared),
 * rendered with jte. Why jte: its templates are compiled to Java at build time with the rest of
 * the module, so a template that reads a field a view model no longer has fails the build, not a
 * page; output is escaped by context (text, attribute, URL) unless a template writes
 * {@code $unsafe{}} on purpose; and at run time it needs only a small runtime jar, no compiler
 * and no expression language.
 */
public final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(
            null, ContentType.Html, Templates.class.getClassLoader(), "gg.jte.generated.precompiled");

    private Templates() {}

    /** Renders a template ({@code "search.jte"}) with its parameters by name. */
    public static String render(String template, Map<String, Object> parameters) {
        StringOutput out = new StringOutput(8192);
        ENGINE.render(template, parameters, out);
        return out.toString();
    }
}
