package org.facsimile.web.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest.Builder;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestClient;
import org.facsimile.web.platform.Setting;

/**
 * The dataset index in Elasticsearch. Documents live in {@code <alias>-v<mapping>-<millis>};
 * readers and writers use the alias only. A new mapping (a new {@code search/datasets-v<N>.json})
 * is rolled out by building a new index from PostgreSQL and moving the alias in one atomic
 * action ({@link SearchMaintenance}); only that rebuild creates indices, so a write that finds
 * no alias fails (Elasticsearch checks it: require_alias) and is retried by the outbox instead of
 * creating an empty index by itself.
 */
@ApplicationScoped
public class SearchIndex {

    /** The mapping version this code writes; the mapping file is search/datasets-v{N}.json. */
    static final int MAPPING_VERSION = 2;

    /** The text fields a query searches, with their weights. */
    private static final List<String> TEXT_FIELDS =
            List.of("title^3", "keywords^2", "description", "creators", "tables", "columns");

    /** Where the alias stands. */
    public enum State {
        MISSING,
        OUTDATED,
        CURRENT
    }

    /** A search hit, with highlighted snippets (HTML-escaped text, matches in {@code <mark>}). */
    public record Hit(
            String datasetId,
            String versionId,
            int version,
            String doi,
            String title,
            String description,
            List<String> creators,
            List<String> keywords,
            String licence,
            String published,
            String url,
            Double score,
            Map<String, List<String>> highlights) {}

    /** A facet value and how many of the matching datasets have it. */
    public record Bucket(String value, long count) {}

    /**
     * A page of hits, the facet counts of all matches, and the cursor of the next page (or null);
     * with how long it took (not part of the answer's body: the Server-Timing header).
     */
    public record Results(
            long total,
            String sort,
            List<Hit> hits,
            Map<String, List<Bucket>> facets,
            String next,
            @JsonIgnore Timing timing) {}

    /**
     * Where a search's time went: Elasticsearch's own figure ({@code took}), the round trip to it as
     * this node saw it, and this node's work before and after (building the request, reading the
     * answer), in nanoseconds.
     */
    public record Timing(long elasticsearchNanos, long roundTripNanos, long totalNanos) {}

    private RestClient rest;
    private ElasticsearchClient client;

    synchronized RestClient rest() {
        client();
        return rest;
    }

    synchronized ElasticsearchClient client() {
        if (client == null) {
            // No auth cache: the low-level client puts a Basic scheme in one for each node, and
            // Apache's cache hands it out by Java deserialization on every request; the search
            // benchmark found that on the search path. Elasticsearch is reached without
            // credentials (a private network, as docker-compose.yml has it); credentials, when
            // they come, belong in a default Authorization header, which needs no cache either.
            rest = RestClient.builder(HttpHost.create(Setting.SEARCH_URL.get()))
                    .setHttpClientConfigCallback(
                            http -> http.disableAuthCaching().disableCookieManagement())
                    .build();
            client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        }
        return client;
    }

    String alias() {
        return Setting.SEARCH_INDEX.get();
    }

    /** How long {@link #reachable} waits: a health probe must answer before its own timeout. */
    static final int PING_MILLIS = 2_000;

    /** Whether Elasticsearch answers its cluster health within {@link #PING_MILLIS}. */
    public boolean reachable() {
        Request ping = new Request("GET", "/_cluster/health");
        ping.setOptions(RequestOptions.DEFAULT.toBuilder()
                .setRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(PING_MILLIS)
                        .setSocketTimeout(PING_MILLIS)
                        .setConnectionRequestTimeout(PING_MILLIS)
                        .build()));
        try {
            return rest().performRequest(ping).getStatusLine().getStatusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the alias exists and points at an index of the current mapping. */
    public State state() throws IOException {
        Set<String> indices = aliasedIndices();
        if (indices.isEmpty()) {
            return State.MISSING;
        }
        for (String index : indices) {
            if (mappingVersion(index) < MAPPING_VERSION) {
                return State.OUTDATED;
            }
        }
        return State.CURRENT;
    }

    /** Creates an index of the current mapping, not yet under the alias; its name. */
    String createIndex() throws IOException {
        String index = alias() + "-v" + MAPPING_VERSION + "-" + System.currentTimeMillis();
        try (InputStream mapping =
                SearchIndex.class.getResourceAsStream("/search/datasets-v" + MAPPING_VERSION + ".json")) {
            client().indices().create(c -> c.index(index).withJson(mapping));
        }
        return index;
    }

    /** Indexes documents into one index (not the alias) in one bulk request. */
    void bulk(String index, Map<String, Map<String, Object>> documents) throws IOException {
        if (documents.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        documents.forEach((id, doc) ->
                bulk.operations(op -> op.index(i -> i.index(index).id(id).document(doc))));
        BulkResponse response = client().bulk(bulk.build());
        if (response.errors()) {
            throw new IOException("bulk indexing failed for "
                    + response.items().stream().filter(i -> i.error() != null).count() + " documents");
        }
    }

    /**
     * Moves the alias to {@code index} in one atomic action, then deletes every other index of
     * this alias (the old ones, and any left by a rebuild that did not finish).
     */
    void swapAlias(String index) throws IOException {
        client().indices().refresh(r -> r.index(index));
        Set<String> old = aliasedIndices();
        client().indices().updateAliases(u -> {
            for (String o : old) {
                u.actions(a -> a.remove(r -> r.index(o).alias(alias())));
            }
            return u.actions(a -> a.add(ad -> ad.index(index).alias(alias())));
        });
        Set<String> stale = new TreeSet<>(client().indices()
                .get(g -> g.index(alias() + "-v*").ignoreUnavailable(true).allowNoIndices(true))
                .result()
                .keySet());
        stale.remove(index);
        for (String s : stale) {
            client().indices().delete(d -> d.index(s).ignoreUnavailable(true));
        }
    }

    private Set<String> aliasedIndices() throws IOException {
        if (!client().indices().existsAlias(e -> e.name(alias())).value()) {
            return Set.of();
        }
        return new TreeSet<>(
                client().indices().getAlias(g -> g.name(alias())).result().keySet());
    }

    /** The mapping version in an index name ({@code <alias>-v2-1700000000000}); 0 when none. */
    int mappingVersion(String index) {
        Matcher m =
                Pattern.compile(Pattern.quote(alias()) + "-v(\\d+)(?:-\\d+)?").matcher(index);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * Indexes (or re-indexes) a dataset's document through the alias. Elasticsearch refuses it
     * while there is no alias (require_alias) instead of creating an index by that name.
     */
    public void index(String id, Map<String, Object> document) throws IOException {
        client().index(i -> i.index(alias()).id(id).document(document).requireAlias(true));
    }

    /**
     * Removes a dataset's document; removing one that is not there is not an error. Without the
     * alias Elasticsearch answers index_not_found, and the outbox tries again later.
     */
    public void remove(String id) throws IOException {
        client().delete(d -> d.index(alias()).id(id).refresh(Refresh.True));
    }

    /**
     * Runs a search; IOException when Elasticsearch is unreachable or the index not yet built,
     * its subclass {@link org.elasticsearch.client.ResponseException} with Elasticsearch's status
     * when Elasticsearch refuses the search.
     */
    public Results search(SearchRequest request) throws IOException {
        long started = System.nanoTime();
        Builder s = new Builder()
                .index(alias())
                .size(request.size())
                .trackTotalHits(t -> t.enabled(true))
                .query(query(request))
                .highlight(h -> h.encoder(HighlighterEncoder.Html)
                        .preTags("<mark>")
                        .postTags("</mark>")
                        .requireFieldMatch(false)
                        .fields("title", f -> f.numberOfFragments(0))
                        .fields("description", f -> f.fragmentSize(160).numberOfFragments(2))
                        .fields("columns", f -> f.fragmentSize(120).numberOfFragments(1)))
                .sort(sort(request.sort()))
                .source(src -> src.filter(f -> f.includes(SearchAnswer.SOURCE_FIELDS)));
        for (SearchRequest.Facet facet : SearchRequest.Facet.values()) {
            s.aggregations(
                    facet.param(), a -> a.terms(t -> t.field(facet.indexField()).size(20)));
        }
        if (request.after() != null) {
            s.searchAfter(request.after().values().stream()
                    .map(SearchIndex::fieldValue)
                    .toList());
        } else {
            s.from(request.from());
        }
        co.elastic.clients.elasticsearch.core.SearchRequest built = s.build();
        // sent as the typed client would send it (same path and body), read by SearchAnswer
        Request http = new Request("POST", "/" + alias() + "/_search");
        http.setEntity(new NByteArrayEntity(body(built), ContentType.APPLICATION_JSON));
        long asked = System.nanoTime();
        SearchAnswer answer;
        try (InputStream in = rest().performRequest(http).getEntity().getContent()) {
            answer = SearchAnswer.read(in);
        }
        long answered = System.nanoTime();
        Map<String, List<Bucket>> facets = new LinkedHashMap<>();
        for (SearchRequest.Facet facet : SearchRequest.Facet.values()) {
            facets.put(facet.param(), answer.aggregations().getOrDefault(facet.param(), List.of()));
        }
        String next = null;
        if (answer.hits().size() == request.size() && answer.lastSort() != null) {
            next = new SearchRequest.Cursor(request.sort(), answer.lastSort()).encode();
        }
        Timing timing = new Timing(answer.tookMillis() * 1_000_000L, answered - asked, System.nanoTime() - started);
        return new Results(answer.total(), request.sort().param(), answer.hits(), facets, next, timing);
    }

    /** The query: every clause must match (exclusions must not), every facet filter holds. */
    static Query query(SearchRequest request) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (SearchQuery.Clause clause : request.query().clauses()) {
            Query q = clause(clause);
            if (clause.excluded()) {
                bool.mustNot(q);
            } else {
                bool.must(q);
            }
        }
        if (request.query().clauses().stream().allMatch(SearchQuery.Clause::excluded)) {
            bool.must(m -> m.matchAll(a -> a));
        }
        request.filters()
                .forEach((facet, values) -> bool.filter(f -> f.terms(t -> t.field(facet.indexField())
                        .terms(tv ->
                                tv.value(values.stream().map(FieldValue::of).toList())))));
        return bool.build()._toQuery();
    }

    private static Query clause(SearchQuery.Clause clause) {
        SearchQuery.Field field = clause.field();
        if (field == null) {
            return Query.of(q -> q.multiMatch(m -> m.query(clause.text())
                    .fields(TEXT_FIELDS)
                    .type(clause.phrase() ? TextQueryType.Phrase : TextQueryType.CrossFields)
                    .operator(Operator.And)));
        }
        if (!field.isText()) {
            return Query.of(q -> q.term(t -> t.field(field.indexField()).value(clause.text())));
        }
        if (clause.phrase()) {
            return Query.of(q -> q.matchPhrase(m -> m.field(field.indexField()).query(clause.text())));
        }
        return Query.of(q ->
                q.match(m -> m.field(field.indexField()).query(clause.text()).operator(Operator.And)));
    }

    private static List<SortOptions> sort(SearchRequest.Sort sort) {
        SortOptions byId = SortOptions.of(o -> o.field(f -> f.field("datasetId").order(SortOrder.Asc)));
        return switch (sort) {
            case RELEVANCE -> List.of(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))), byId);
            case NEWEST ->
                List.of(SortOptions.of(o -> o.field(f -> f.field("published").order(SortOrder.Desc))), byId);
            case TITLE ->
                List.of(SortOptions.of(o -> o.field(f -> f.field("titleSort").order(SortOrder.Asc))), byId);
        };
    }

    private static FieldValue fieldValue(Object v) {
        if (v instanceof Long l) {
            return FieldValue.of(l);
        }
        if (v instanceof Double d) {
            return FieldValue.of(d);
        }
        return FieldValue.of(String.valueOf(v));
    }

    /** A request's JSON body, written by the typed client's own serializer. */
    private byte[] body(co.elastic.clients.elasticsearch.core.SearchRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        JsonpMapper mapper = client()._jsonpMapper();
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
            request.serialize(generator, mapper);
        }
        return out.toByteArray();
    }

    @PreDestroy
    void close() {
        if (rest != null) {
            try {
                rest.close();
            } catch (IOException ignored) {
                // shutting down
            }
        }
    }
}
