package org.facsimile.harvest.oai;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Random OAI-PMH requests, seeded so a failure replays: verbs, arguments and resumption tokens,
 * valid, damaged, repeated, unknown, with characters XML cannot carry. Every answer must be an
 * OAI-PMH document that the protocol's XSD accepts (an error element where the request was bad),
 * and the provider must never throw.
 */
class OaiFuzzTest {

    private static final List<String> KEYS =
            List.of("verb", "metadataPrefix", "identifier", "from", "until", "set", "resumptionToken", "junk", "");
    private static final List<String> VERBS = List.of(
            "Identify", "ListMetadataFormats", "ListSets", "ListIdentifiers", "ListRecords", "GetRecord", "Nope", "");
    private static final List<String> VALUES = List.of(
            "oai_dc",
            "oai_datacite",
            "dcat_ap",
            "oai:repo.test:rec-001",
            "oai:repo.test:rec-006",
            "oai:other:rec-001",
            "2026-01-05",
            "2026-01-05T00:00:00Z",
            "2026-13-45",
            "2026-01-05T25:00:00Z",
            "even",
            "synthetic",
            "even:odd",
            "",
            " ",
            "\u0000",
            "\uFFFE",
            "\uD800",
            "<x>&amp;\"'",
            "9".repeat(400));
    private static final String NASTY = "=&%+:/\\<>\"'\u0000\u0007\uFFFF\uD800\u00e9 ~";

    @org.junit.jupiter.api.BeforeAll
    static void loadSchema() throws Exception {
        OaiDataProviderTest.loadSchema();
    }

    @Test
    void anyRequestIsAnsweredWithAValidOaiDocument() throws Exception {
        OaiDataProvider provider = OaiDataProviderTest.provider(OaiDataProviderTest.repository(25, true));
        List<String> tokens = new ArrayList<>();
        Document first = OaiDataProviderTest.request(
                provider, OaiDataProviderTest.NOW, "verb", "ListRecords", "metadataPrefix", "oai_dc");
        tokens.add(OaiDataProviderTest.xpath(first, "//o:resumptionToken"));
        Document ids = OaiDataProviderTest.request(
                provider,
                OaiDataProviderTest.NOW,
                "verb",
                "ListIdentifiers",
                "metadataPrefix",
                "oai_datacite",
                "set",
                "even");
        tokens.add(OaiDataProviderTest.xpath(ids, "//o:resumptionToken"));
        tokens.forEach(t -> assertFalse(t.isEmpty(), "the repository pages"));

        Random random = new Random(20261206L);
        for (int round = 0; round < 3000; round++) {
            List<String> keyValues = new ArrayList<>();
            if (random.nextInt(10) > 0) {
                keyValues.add("verb");
                keyValues.add(VERBS.get(random.nextInt(VERBS.size())));
            }
            for (int n = random.nextInt(4); n > 0; n--) {
                String key = KEYS.get(random.nextInt(KEYS.size()));
                keyValues.add(key);
                keyValues.add(
                        key.equals("resumptionToken")
                                ? damaged(tokens.get(random.nextInt(tokens.size())), random)
                                : random.nextInt(5) == 0
                                        ? damaged(VALUES.get(random.nextInt(VALUES.size())), random)
                                        : VALUES.get(random.nextInt(VALUES.size())));
            }
            try {
                OaiDataProviderTest.request(provider, OaiDataProviderTest.NOW, keyValues.toArray(String[]::new));
            } catch (Exception | StackOverflowError e) {
                fail("round " + round + " failed on " + escaped(keyValues), e);
            }
        }
    }

    /** The text with a few characters changed, inserted or cut (sometimes none). */
    private static String damaged(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        for (int e = random.nextInt(4); e > 0 && s.length() > 0; e--) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.setCharAt(at, NASTY.charAt(random.nextInt(NASTY.length())));
                case 1 -> s.insert(at, NASTY.charAt(random.nextInt(NASTY.length())));
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    private static String escaped(List<String> keyValues) {
        StringBuilder s = new StringBuilder();
        for (String v : keyValues) {
            for (char c : v.toCharArray()) {
                s.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
            s.append(" | ");
        }
        return s.toString();
    }
}
