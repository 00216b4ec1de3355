package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.facsimile.web.synthesis.JobInputs;

/** A synthesis job's input, read from the deposit's files: their names, storage keys and schemas. */
@ApplicationScoped
public class DepositJobInputs implements JobInputs {

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Override
    @Transactional
    public Input read(UUID depositId) {
        String title = em.find(Deposit.class, depositId).metadata().title();
        List<InputTable> tables = em
                .createQuery(
                        "SELECT f FROM DepositFile f WHERE f.deposit.id = :d ORDER BY f.fileName", DepositFile.class)
                .setParameter("d", depositId)
                .getResultList()
                .stream()
                .map(f -> InputTable.of(f.fileName(), f.storageKey(), f.tableSchema()))
                .toList();
        return new Input(title, tables);
    }
}
