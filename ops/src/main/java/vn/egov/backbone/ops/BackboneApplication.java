package vn.egov.backbone.ops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Backbone: the whole province's operations backbone in one process (more nodes: see README). */
@SpringBootApplication(scanBasePackages = "vn.egov.backbone")
public class BackboneApplication {
    public static void main(String[] args) {
        SpringApplication.run(BackboneApplication.class, args);
    }
}
