package org.facsimile.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.harvest.dcat.DcatCatalogFileResource;
import org.facsimile.harvest.dcat.DcatCatalogResource;
import org.facsimile.harvest.oai.OaiResource;
import org.facsimile.web.access.AccessRequestPages;
import org.facsimile.web.access.AccessRequestResource;
import org.facsimile.web.access.AnalysePages;
import org.facsimile.web.access.AnalysisPages;
import org.facsimile.web.access.AnalysisResource;
import org.facsimile.web.access.RequestAccessPages;
import org.facsimile.web.account.AccountPages;
import org.facsimile.web.account.AdminResource;
import org.facsimile.web.account.AuthResource;
import org.facsimile.web.account.AuthenticationFilter;
import org.facsimile.web.deposit.AccessTermsResource;
import org.facsimile.web.deposit.AnalysisTermsResource;
import org.facsimile.web.deposit.DepositPages;
import org.facsimile.web.deposit.DepositResource;
import org.facsimile.web.deposit.SyntheticTableResource;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.HealthResource;
import org.facsimile.web.platform.ProblemMappers;
import org.facsimile.web.platform.RequestEdge;
import org.facsimile.web.platform.RequestTimings;
import org.facsimile.web.platform.SecurityHeaders;
import org.facsimile.web.platform.StaticFiles;
import org.facsimile.web.publishing.DatasetResource;
import org.facsimile.web.publishing.NewVersionPages;
import org.facsimile.web.publishing.WithdrawalResource;
import org.facsimile.web.publishing.doi.DoiResolverResource;
import org.facsimile.web.publishing.landing.LandingPageResource;
import org.facsimile.web.review.PrivacyOverrideResource;
import org.facsimile.web.review.PublicationPages;
import org.facsimile.web.review.PublicationResource;
import org.facsimile.web.review.ReviewPages;
import org.facsimile.web.review.ReviewResource;
import org.facsimile.web.review.ReviewerLinkPages;
import org.facsimile.web.review.ReviewerLinkResource;
import org.facsimile.web.review.ReviewerPreviewPages;
import org.facsimile.web.search.HomePage;
import org.facsimile.web.search.SearchAdminResource;
import org.facsimile.web.search.SearchPageResource;
import org.facsimile.web.search.SearchResource;
import org.facsimile.web.storage.StoreAdminResource;

/**
 * The REST API under /api, landing pages under /datasets, the DOI resolver under /doi: every
 * resource and provider of every part, listed here at the top, the one class that names them all.
 * The API's OpenAPI document (at {@code /openapi}) starts here: its description, tags and the two
 * ways to authenticate; {@code platform.ApiDocument} adds the problem answers and leaves the pages
 * out.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Facsimile repository API",
                        version = "0.1.0",
                        description =
                                "Deposit private tables, have them synthesized, publish the synthetic twins with a DOI,"
                                        + " and search, download and harvest what is published. Every refusal is an RFC 9457"
                                        + " problem (application/problem+json) whose type is"
                                        + " https://w3id.org/facsimile/problems/{kind}; it never quotes a deposited value.",
                        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        tags = {
            @Tag(name = "Deposits", description = "The private deposit area: describe, upload, correct, synthesize"),
            @Tag(name = "Review", description = "Asking to publish, the curators' queue, the privacy override"),
            @Tag(
                    name = "Access to originals",
                    description = "Requests for the restricted original of a published twin: asking, deciding,"
                            + " downloading while a grant lasts"),
            @Tag(name = "Datasets", description = "Published synthetic datasets, their versions and files"),
            @Tag(name = "Search", description = "Full-text search over published metadata"),
            @Tag(name = "Harvesting", description = "OAI-PMH 2.0 and the DCAT-AP catalogue"),
            @Tag(name = "Accounts", description = "Signing in, API tokens, passwords"),
            @Tag(name = "Administration", description = "Accounts, audit, storage and index upkeep"),
            @Tag(name = "Health", description = "Whether the repository answers")
        })
@SecurityScheme(
        securitySchemeName = ApiDocument.TOKEN,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "fcsm_...",
        description = "An API token (made on the account page or with POST /api/account/tokens), limited to its"
                + " scopes: read, deposit, curate, admin, tokens")
@SecurityScheme(
        securitySchemeName = ApiDocument.SESSION,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.COOKIE,
        apiKeyName = "fcsm_session",
        description = "A signed-in browser's session (POST /api/auth/session); a change must also send the"
                + " session's CSRF token in the X-CSRF-Token header")
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
                SyntheticTableResource.class,
                AccessTermsResource.class,
                AccessRequestResource.class,
                AnalysisTermsResource.class,
                AnalysisResource.class,
                AnalysePages.class,
                AnalysisPages.class,
                ReviewResource.class,
                ReviewerLinkResource.class,
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
                ReviewerLinkPages.class,
                ReviewerPreviewPages.class,
                RequestAccessPages.class,
                AccessRequestPages.class,
                PublicationPages.class,
                NewVersionPages.class,
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
