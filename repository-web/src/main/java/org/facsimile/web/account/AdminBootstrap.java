package org.facsimile.web.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.facsimile.web.platform.NodeLifecycle;
import org.facsimile.web.platform.Setting;

/** Creates the bootstrap admin account once the schema is ready, before the node serves. */
@ApplicationScoped
public class AdminBootstrap {

    @Inject
    AccountService accounts;

    void schemaReady(@Observes NodeLifecycle.SchemaReady ready) {
        accounts.bootstrapAdmin(Setting.BOOTSTRAP_ADMIN_TOKEN.get());
    }
}
