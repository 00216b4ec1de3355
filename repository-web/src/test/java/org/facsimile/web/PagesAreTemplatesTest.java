package org.facsimile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pages are templates (src/main/jte): no Java source of the module writes an HTML element in a
 * string, where nobody changing a page would look and nothing escapes by default.
 */
class PagesAreTemplatesTest {

    /** A string literal that opens or closes an HTML element of a page. */
    private static final Pattern MARKUP = Pattern.compile(
            "\"[^\"]*</?(html|head|body|main|h[1-6]|p|div|span|a|ul|ol|li|dl|dt|dd|table|tr|td|th|form|input"
                    + "|select|option|textarea|label|button|section|article|nav|figure|iframe|code|b|i)[ >/\"]");

    @Test
    void noJavaSourceWritesMarkup() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
                        continue; // Javadoc and comments may show markup
                    }
                    Matcher m = MARKUP.matcher(line);
                    if (m.find()) {
                        found.add(source + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "markup belongs in a template under src/main/jte");
    }
}
