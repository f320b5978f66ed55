package vn.egov.backbone.eoffice.register;

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
        try {
            Aggregate<DocumentRegister> register = registers.loadOrCreate(key.registerId(), DocumentRegister::new);
            return register.invoke(r -> r.allocate(key, documentId));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open register " + key.registerId(), e);
        }
    }
}
