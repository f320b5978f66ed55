package vn.egov.backbone.ops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.egov.backbone.core.eventchain.EventChainCommandLine;

import java.util.Arrays;

/**
 * Backbone: the whole province's operations backbone in one process (more nodes: see README). With
 * {@code verify-event-chain} as its first argument it only verifies the event chain and exits.
 */
@SpringBootApplication(scanBasePackages = "vn.egov.backbone")
public class BackboneApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(EventChainCommandLine.COMMAND)) {
            System.exit(EventChainCommandLine.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(BackboneApplication.class, args);
    }
}
