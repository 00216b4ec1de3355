package org.facsimile.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.facsimile.harvest.dcat.DcatCatalogFileResource;
import org.facsimile.harvest.dcat.DcatCatalogResource;
import org.facsimile.harvest.oai.OaiResource;
import org.facsimile.web.account.AccountPages;
import org.facsimile.web.account.AdminResource;
import org.facsimile.web.account.AuthResource;
import org.facsimile.web.account.AuthenticationFilter;
import org.facsimile.web.deposit.DepositPages;
import org.facsimile.web.deposit.DepositResource;
import org.facsimile.web.platform.HealthResource;
import org.facsimile.web.platform.ProblemMappers;
import org.facsimile.web.platform.RequestEdge;
import org.facsimile.web.platform.RequestTimings;
import org.facsimile.web.platform.SecurityHeaders;
import org.facsimile.web.platform.StaticFiles;
import org.facsimile.web.publishing.DatasetResource;
import org.facsimile.web.publishing.WithdrawalResource;
import org.facsimile.web.publishing.doi.DoiResolverResource;
import org.facsimile.web.publishing.landing.LandingPageResource;
import org.facsimile.web.review.PrivacyOverrideResource;
import org.facsimile.web.review.PublicationPages;
import org.facsimile.web.review.PublicationResource;
import org.facsimile.web.review.ReviewPages;
import org.facsimile.web.review.ReviewResource;
import org.facsimile.web.search.HomePage;
import org.facsimile.web.search.SearchAdminResource;
import org.facsimile.web.search.SearchPageResource;
import org.facsimile.web.search.SearchResource;
import org.facsimile.web.storage.StoreAdminResource;

/**
 * The REST API under /api, landing pages under /datasets, the DOI resolver under /doi: every
 * resource and provider of every part, listed here at the top, the one class that names them all.
 */
@ApplicationPath("/")
public class FacsimileApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                HealthResource.class,
                AdminResource.class,
                WithdrawalResource.class,
                StoreAdminResource.class,
                SearchAdminResource.class,
                DepositResource.class,
                ReviewResource.class,
                PublicationResource.class,
                PrivacyOverrideResource.class,
                DatasetResource.class,
                LandingPageResource.class,
                DoiResolverResource.class,
                SearchResource.class,
                SearchPageResource.class,
                DcatCatalogResource.class,
                DcatCatalogFileResource.class,
                OaiResource.class,
                AuthResource.class,
                StaticFiles.class,
                AccountPages.class,
                DepositPages.class,
                ReviewPages.class,
                PublicationPages.class,
                HomePage.class,
                AuthenticationFilter.class,
                SecurityHeaders.class,
                RequestTimings.class,
                RequestEdge.Headers.class,
                RequestEdge.Forms.class,
                ProblemMappers.Refusals.class,
                ProblemMappers.WebErrors.class,
                ProblemMappers.Unexpected.class);
    }

    /** No WADL: the API is described by its OpenAPI document, and WADL only shows attackers the routes. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
