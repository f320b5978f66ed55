package vn.egov.backbone.eoffice.register;

import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Allocates the next number of a register, inside the caller's unit of work. */
@Component
public class DocumentRegisters {
    private final Repository<DocumentRegister> registers;

    DocumentRegisters(Repository<DocumentRegister> registers) {
        this.registers = registers;
    }

    public long allocate(RegisterKey key, String documentId) {
        return allocate(key, documentId, MetaData.emptyInstance());
    }

    /** With the metadata of the registration it numbers, when one unit of work numbers several (group commit). */
    public long allocate(RegisterKey key, String documentId, MetaData metaData) {
        try {
            Aggregate<DocumentRegister> register = registers.loadOrCreate(key.registerId(), DocumentRegister::new);
            return register.invoke(r -> r.allocate(key, documentId, metaData));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open register " + key.registerId(), e);
        }
    }
}
