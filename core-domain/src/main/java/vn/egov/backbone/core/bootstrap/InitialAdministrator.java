package vn.egov.backbone.core.bootstrap;

import vn.egov.backbone.core.settings.CoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.identity.CredentialStore;
import vn.egov.backbone.core.official.api.Clearance;
import vn.egov.backbone.core.official.api.OfficialCommands.RegisterOfficial;
import vn.egov.backbone.core.official.api.OfficialCommands.RoleAssignment;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.Commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

/**
 * Creates the account {@code admin} (system-wide ADMINISTRATOR) on the first start. Without a
 * configured password a random one is generated, logged once and written to
 * {@code <data-dir>/initial-admin-password}, as Jenkins does.
 */
@Component
class InitialAdministrator {
    static final String USERNAME = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Commands commands;
    private final CredentialStore credentials;
    private final Path dataDir;
    private final String configuredPassword;

    InitialAdministrator(Commands commands, CredentialStore credentials, CoreProperties settings) {
        this.commands = commands;
        this.credentials = credentials;
        this.dataDir = settings.dataDir();
        this.configuredPassword = settings.admin().password();
    }

    void createIfMissing(String homeUnitId) throws IOException {
        if (credentials.findByUsername(USERNAME).isPresent()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        commands.send(new RegisterOfficial(UUID.randomUUID().toString(), USERNAME, "Quản trị hệ thống", null,
                "Quản trị hệ thống", homeUnitId, Clearance.NONE, List.of(new RoleAssignment(null, Role.ADMINISTRATOR, null)),
                password));
        if (generated) {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(PASSWORD_FILE);
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("""

                    *************************************************************
                    Backbone created the administrator account '{}'.
                    Its password: {}
                    (also in {}). Change it after the first login.
                    *************************************************************""", USERNAME, password, file.toAbsolutePath());
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
