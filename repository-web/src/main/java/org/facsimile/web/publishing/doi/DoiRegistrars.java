package org.facsimile.web.publishing.doi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.facsimile.web.platform.Setting;

/** The registrar the repository is configured with ({@code facsimile.doi.registrar}). */
@ApplicationScoped
public class DoiRegistrars {

    @Inject
    LocalDoiRegistrar local;

    @Inject
    DataCiteRegistrar dataCite;

    @Produces
    DoiRegistrar registrar() {
        String configured = Setting.DOI_REGISTRAR.get().strip();
        return switch (configured) {
            case "local" -> local;
            case "datacite" -> dataCite;
            default ->
                throw new IllegalStateException("facsimile.doi.registrar is local or datacite, not " + configured);
        };
    }
}
