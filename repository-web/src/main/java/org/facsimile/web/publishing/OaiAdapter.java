package org.facsimile.web.publishing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.facsimile.harvest.port.OaiRepository;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.platform.Startup;

/**
 * The OAI-PMH port as the container provides it: {@link OaiRecords} on the application's data
 * source, with the repository's configured name, URLs and identifier.
 */
@ApplicationScoped
public class OaiAdapter {

    @Resource(lookup = Startup.DATA_SOURCE)
    DataSource dataSource;

    @Produces
    @ApplicationScoped
    OaiRepository oaiRepository() {
        return new OaiRecords(
                dataSource,
                new OaiRecords.Site(
                        Setting.REPOSITORY_NAME.get(),
                        Setting.BASE_URL.get(),
                        Setting.ADMIN_EMAIL.get(),
                        Setting.OAI_REPOSITORY_IDENTIFIER.get(),
                        Setting.REPOSITORY_NAME.get()));
    }
}
