package org.facsimile.web.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.facsimile.web.platform.Setting;

/**
 * The dataset index in Elasticsearch. Documents go into {@code <alias>-v<N>}; readers and writers
 * use the alias, so a new mapping is rolled out by reindexing into a new index and moving the alias.
 */
@ApplicationScoped
public class SearchIndex {

    /** The mapping version this code writes; the mapping file is search/datasets-v{N}.json. */
    static final int MAPPING_VERSION = 1;

    /** A search hit. */
    public record Hit(
            String datasetId,
            String doi,
            String title,
            String description,
            List<String> keywords,
            String url,
            Double score) {}

    /** A page of hits. */
    public record Results(long total, List<Hit> hits) {}

    private RestClient rest;
    private ElasticsearchClient client;
    private volatile boolean ensured;

    private synchronized ElasticsearchClient client() {
        if (client == null) {
            rest = RestClient.builder(HttpHost.create(Setting.SEARCH_URL.get())).build();
            client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        }
        return client;
    }

    private String alias() {
        return Setting.SEARCH_INDEX.get();
    }

    /** Creates the versioned index and its alias if missing. */
    public void ensureIndex() throws IOException {
        if (ensured) {
            return;
        }
        ElasticsearchClient es = client();
        String index = alias() + "-v" + MAPPING_VERSION;
        if (!es.indices().exists(e -> e.index(index)).value()) {
            try (InputStream mapping =
                    SearchIndex.class.getResourceAsStream("/search/datasets-v" + MAPPING_VERSION + ".json")) {
                es.indices().create(c -> c.index(index).withJson(mapping).aliases(alias(), a -> a));
            }
        }
        ensured = true;
    }

    public void index(String id, Map<String, Object> document) throws IOException {
        ensureIndex();
        client().index(i -> i.index(alias()).id(id).document(document));
    }

    /** Removes a dataset's document; removing one that is not there is not an error. */
    public void remove(String id) throws IOException {
        ensureIndex();
        client().delete(d -> d.index(alias()).id(id).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
    }

    /** Full-text search over the public metadata; throws IOException when Elasticsearch is unreachable. */
    public Results search(String query, int from, int size) throws IOException {
        ensureIndex();
        @SuppressWarnings("rawtypes")
        SearchResponse<Map> response = client().search(
                        s -> s.index(alias())
                                .from(from)
                                .size(size)
                                .query(q -> query == null || query.isBlank()
                                        ? q.matchAll(m -> m)
                                        : q.simpleQueryString(sq -> sq.query(query)
                                                .fields(
                                                        "title^3",
                                                        "keywords^2",
                                                        "description",
                                                        "creators",
                                                        "tables",
                                                        "columns")
                                                .defaultOperator(
                                                        co.elastic.clients.elasticsearch._types.query_dsl.Operator
                                                                .And))),
                        Map.class);
        List<Hit> hits = response.hits().hits().stream().map(SearchIndex::hit).toList();
        long total = response.hits().total() == null
                ? hits.size()
                : response.hits().total().value();
        return new Results(total, hits);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Hit hit(co.elastic.clients.elasticsearch.core.search.Hit<Map> h) {
        Map<String, Object> s = h.source();
        return new Hit(
                (String) s.get("datasetId"),
                (String) s.get("doi"),
                (String) s.get("title"),
                (String) s.get("description"),
                (List<String>) s.get("keywords"),
                (String) s.get("url"),
                h.score());
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
