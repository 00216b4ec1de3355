package org.facsimile.web.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.facsimile.harvest.port.PublishedCatalog;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.web.platform.Setting;

/** The harvest module's view of the repository: published versions only. */
@ApplicationScoped
public class CatalogAdapter implements PublishedCatalog {

    @Inject
    PublicDatasets datasets;

    @Override
    public String repositoryName() {
        return Setting.REPOSITORY_NAME.get();
    }

    @Override
    public String baseUrl() {
        return Setting.BASE_URL.get();
    }

    @Override
    public long count() {
        return datasets.count();
    }

    @Override
    public Optional<DatasetDescription> dataset(String id) {
        UUID datasetId;
        try {
            datasetId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return datasets.latest(datasetId).map(PublicDatasets.PublicVersion::describe);
    }

    @Override
    public List<DatasetDescription> page(long offset, int limit) {
        return datasets.page(offset, limit).stream()
                .map(PublicDatasets.PublicVersion::describe)
                .toList();
    }
}
