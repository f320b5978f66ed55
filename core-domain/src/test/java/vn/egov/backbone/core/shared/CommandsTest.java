package vn.egov.backbone.core.shared;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a handler's refusal becomes on its way back through {@link Commands}, over Axon's own command bus and gateway:
 * pages catch only our refusals, so Axon's "not found", "incompatible aggregate" and lost races were 500s there.
 */
class CommandsTest {
    record Refuse(Supplier<RuntimeException> refusal) {
    }

    private final Commands commands;

    CommandsTest() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(Refuse.class.getName(), message -> {
            throw ((Refuse) message.getPayload()).refusal().get();
        });
        commands = new Commands(DefaultCommandGateway.builder().commandBus(bus).build());
    }

    @Test
    void anAggregateNobodyCreatedOrOfAnotherKindIsNotFound() {
        for (Supplier<RuntimeException> refusal : List.<Supplier<RuntimeException>>of(
                () -> new AggregateNotFoundException("u-1", "The aggregate was not found in the event store"),
                () -> new IncompatibleAggregateException("Aggregate identifier must be non-null after applying an event"))) {
            assertThatThrownBy(() -> commands.send(new Refuse(refusal))).isInstanceOfSatisfying(NotFound.class,
                    notFound -> assertThat(notFound.errorCode()).isEqualTo(RequestError.NOT_FOUND));
        }
    }

    @Test
    void aLostRaceIsTheConcurrentUpdateAndOurOwnRefusalsPassAsTheyAre() {
        for (Supplier<RuntimeException> refusal : List.<Supplier<RuntimeException>>of(
                () -> new ConcurrencyException("An event for aggregate [u-1] at sequence [3] was already inserted"),
                () -> new ConflictingAggregateVersionException("u-1", 2, 3))) {
            assertThatThrownBy(() -> commands.send(new Refuse(refusal))).isInstanceOfSatisfying(BusinessRuleViolation.class,
                    conflict -> assertThat(conflict.errorCode()).isEqualTo(RequestError.CONCURRENT_UPDATE));
        }
        BusinessRuleViolation own = new BusinessRuleViolation(RequestError.FORBIDDEN);
        assertThatThrownBy(() -> commands.send(new Refuse(() -> own))).isSameAs(own);
    }
}
