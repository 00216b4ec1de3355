package org.facsimile.web.publishing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.deposit.Deposit;
import org.facsimile.web.deposit.DepositPage;
import org.facsimile.web.deposit.DepositService;
import org.facsimile.web.platform.ProblemException;

/**
 * {@code POST /deposits/{id}/new-version}: from a published deposit's page, the depositor opens the
 * next version of its dataset (a draft with its description and a copy of its tables) and goes
 * there; the API's {@code POST /api/datasets/{id}/versions} does the same by dataset.
 */
@Path("deposits/{id}/new-version")
@RequestScoped
public class NewVersionPages {

    @Inject
    PageSession session;

    @Inject
    DepositService deposits;

    @Inject
    DepositPage page;

    @Inject
    NewVersions versions;

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/html; charset=UTF-8")
    public Response open(@PathParam("id") String id, @FormParam(PageSession.CSRF_FIELD) String csrf) {
        if (session.current().isEmpty()) {
            return PageSession.signInAgain("/deposits/" + id);
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/deposits", "My deposits");
        }
        deposits.readable(session.current().get(), depositId);
        List<UUID> dataset = em.createQuery(
                        "SELECT v.dataset.id FROM DatasetVersion v WHERE v.job.depositId = :d", UUID.class)
                .setParameter("d", depositId)
                .getResultList();
        if (dataset.isEmpty()) {
            return page.refused(
                    ProblemException.conflict("only a published deposit has a dataset to make a new version of"),
                    depositId);
        }
        try {
            Deposit next = versions.open(session.current().get(), dataset.get(0).toString(), session.remoteAddress());
            return Response.seeOther(URI.create("/deposits/" + next.id())).build();
        } catch (ProblemException e) {
            return page.refused(e, depositId);
        }
    }
}
