package org.facsimile.synth.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.argn.ArgnOptions;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.relations.DatasetSynthesis;
import org.facsimile.synth.relations.RelationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JSON Lines document of orders with nested items, taken apart, synthesized as related tables
 * and put back together: the synthetic document has the same shape and types, and keeps how the
 * number of items depends on the order's channel.
 */
class NestedSynthesisTest {

    static final int ORDERS = 900;

    static String real;
    static List<JsonObject> synthetic;
    static DatasetSynthesis.Result result;

    @BeforeAll
    static void synthesize() throws Exception {
        Random random = new Random(5);
        StringBuilder lines = new StringBuilder();
        String[] skus = {"tea", "mug", "pot", "cup", "lid", "tin"};
        for (int o = 0; o < ORDERS; o++) {
            boolean shop = random.nextBoolean();
            // online orders have 1-2 items, shop orders 3-4
            int items = shop ? 3 + random.nextInt(2) : 1 + random.nextInt(2);
            StringBuilder order = new StringBuilder(String.format(
                    Locale.ROOT,
                    "{\"channel\": \"%s\", \"express\": %s, \"customer\": {\"region\": \"%s\", \"age\": %d}, \"items\": [",
                    shop ? "shop" : "online",
                    random.nextDouble() < 0.3,
                    random.nextBoolean() ? "north" : "south",
                    18 + random.nextInt(60)));
            for (int i = 0; i < items; i++) {
                order.append(i == 0 ? "" : ", ")
                        .append(String.format(
                                Locale.ROOT,
                                "{\"sku\": \"%s\", \"qty\": %d, \"price\": %.2f}",
                                skus[random.nextInt(skus.length)],
                                1 + random.nextInt(3),
                                2 + random.nextDouble() * 20));
            }
            lines.append(order).append("]}\n");
        }
        real = lines.toString();
        NestedDocument.Flattened flat =
                NestedDocument.read(new ByteArrayInputStream(real.getBytes(StandardCharsets.UTF_8)), "orders.jsonl");
        result = new DatasetSynthesis(new ArgnSynthesizer(ArgnOptions.defaults().withMaxEpochs(12)))
                .run(flat.datasetTables(), SynthesisSettings.defaults(), ProgressListener.NONE);
        Map<String, List<String[]>> rows = new HashMap<>();
        result.tables().forEach(t -> rows.put(t.name(), t.rows()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        flat.shape().write(rows, out);
        synthetic = out.toString(StandardCharsets.UTF_8)
                .lines()
                .map(l -> JsonParser.parseString(l).getAsJsonObject())
                .toList();
    }

    @Test
    void everyRecordHasTheDocumentsShapeAndTypes() {
        assertEquals(ORDERS, synthetic.size(), "as many records as the input");
        for (JsonObject order : synthetic) {
            assertEquals(Set.of("channel", "express", "customer", "items"), order.keySet(), order.toString());
            assertTrue(Set.of("shop", "online").contains(order.get("channel").getAsString()));
            assertTrue(order.get("express").getAsJsonPrimitive().isBoolean(), order.toString());
            JsonObject customer = order.getAsJsonObject("customer");
            assertEquals(Set.of("region", "age"), customer.keySet());
            assertWhole(customer.get("age"));
            for (JsonElement item : order.getAsJsonArray("items")) {
                JsonObject i = item.getAsJsonObject();
                assertEquals(Set.of("sku", "qty", "price"), i.keySet(), i.toString());
                assertWhole(i.get("qty"));
                assertTrue(i.get("price").getAsJsonPrimitive().isNumber(), i.toString());
            }
        }
        for (RelationReport r : result.relations()) {
            assertEquals(1.0, r.integrity(), r.relation().label());
        }
    }

    static void assertWhole(JsonElement value) {
        JsonPrimitive number = value.getAsJsonPrimitive();
        assertTrue(number.isNumber(), value.toString());
        assertFalse(number.getAsString().contains("."), "a whole number: " + value);
    }

    @Test
    void itemsPerOrderFollowTheChannel() {
        double[] items = new double[2];
        int[] orders = new int[2];
        for (JsonObject order : synthetic) {
            int shop = order.get("channel").getAsString().equals("shop") ? 1 : 0;
            orders[shop]++;
            items[shop] += order.getAsJsonArray("items").size();
        }
        double online = items[0] / orders[0];
        double shop = items[1] / orders[1];
        // real: 1.5 and 3.5
        assertTrue(online > 1.1 && online < 2.0, "online items per order " + online);
        assertTrue(shop > 3.0 && shop < 3.9, "shop items per order " + shop);
    }

    @Test
    void noRealOrderIsCopied() {
        Set<JsonElement> realOrders = new HashSet<>();
        real.lines().forEach(l -> realOrders.add(JsonParser.parseString(l)));
        long copied = synthetic.stream().filter(realOrders::contains).count();
        // prices have cents: a whole order with every item equal is no coincidence
        assertEquals(0, copied, "synthetic orders equal to a real one");
    }
}
