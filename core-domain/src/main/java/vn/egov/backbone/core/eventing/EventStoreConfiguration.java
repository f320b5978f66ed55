package vn.egov.backbone.core.eventing;

import vn.egov.backbone.core.eventchain.ChainedEventStorageEngine;
import vn.egov.backbone.core.settings.CoreProperties;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.context.ApplicationContext;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The event store is Axon's JDBC storage engine on the application's own database (H2 by default,
 * PostgreSQL in production). Table and column names are snake_case and the tables are created by
 * Flyway ({@code db/migration/V1_0__event_store.sql}), never by Axon or Hibernate at run time.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Axon's JDBC storage engine as Axon's auto-configuration builds it, but reading the store 1,000
     * events per query instead of 100: a projection replaying a year of dossiers (12 million events)
     * otherwise spends a large share of its time on 128,000 round trips for small result sets.
     * Aggregates read their streams in batches of the same size, which costs them nothing. Every append
     * is chained ({@link ChainedEventStorageEngine}) unless {@code backbone.event-chain.enabled} is false.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema,
                                                 CoreProperties node) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(node.eventStore().readBatchSize());
        return node.eventChain().enabled() ? new ChainedEventStorageEngine(builder, transactionManager) : builder.build();
    }

    /**
     * The serializer of stored events, as Axon's auto-configuration makes it (Jackson, the application's
     * {@code ObjectMapper}, {@link EventRevisions}) but with the modules the bounded contexts contribute
     * for storing their events ({@link StoredEventModule}) on a copy of the mapper, so that the API, the
     * audit trail and Kafka never see what the modules do to the stored form.
     */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(ObjectMapper objectMapper, RevisionResolver revisionResolver,
                                      List<StoredEventModule> storedEventModules, ApplicationContext context) {
        ObjectMapper stored = objectMapper.copy();
        storedEventModules.forEach(module -> stored.registerModule(module.module(objectMapper)));
        return JacksonSerializer.builder().revisionResolver(revisionResolver)
                .converter(new ChainingConverter(context.getClassLoader())).objectMapper(stored).build();
    }

    /** Every payload stored with a revision, "1" unless its type says otherwise (Axon's serializers use this bean). */
    @Bean
    public RevisionResolver revisionResolver() {
        return new EventRevisions();
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    /**
     * Token claims carry this node's name, so that nodes sharing a database split the segments of a
     * processor between them ({@code backbone.node-id}, by default the process and host plus a
     * random suffix, unique even for two nodes in one JVM).
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema schema,
                                 CoreProperties settings) {
        String nodeId = settings.nodeId();
        String node = nodeId == null || nodeId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8)
                : nodeId;
        return JdbcTokenStore.builder().connectionProvider(connectionProvider).serializer(serializer).schema(schema)
                .nodeId(node).build();
    }

    /**
     * Snapshots are taken on their own thread. Taken in the committing thread (Axon's default), a
     * snapshot needs a second database connection while the command still holds its first and the
     * aggregate's lock; with every pooled connection held by commands queued on that lock, that is a
     * deadlock until the pool times out (seen under load on a document register).
     */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore, TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    /** The gateway retries commands that lost an optimistic-locking race (see {@link ConcurrencyRetryScheduler}). */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder().commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetryScheduler(retries)).build();
    }
}
