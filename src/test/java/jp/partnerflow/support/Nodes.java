package jp.partnerflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import jp.partnerflow.PartnerflowApplication;

/**
 * Nodes of the service on a database of their own, as the cluster tests and benchmarks run them: in
 * this JVM (an application context each) or in a JVM of their own, with the same settings — the
 * tests' staff password, LINE at the given fake, mail off.
 */
public final class Nodes {
    private Nodes() {
    }

    /** The command-line arguments of a node; {@code extra} adds or overrides settings. */
    public static String[] args(TestDatabase.Connection db, String name, int port, String lineBaseUrl, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--camunda.bpm.process-engine-name=" + name,
                "--camunda.bpm.admin-user.password=" + FeatureTest.STAFF_PASSWORD,
                "--partnerflow.line.api-base-url=" + lineBaseUrl,
                "--partnerflow.line.channel-access-token=" + FeatureTest.CHANNEL_TOKEN,
                "--partnerflow.line.channel-secret=" + FeatureTest.CHANNEL_SECRET, "--spring.mail.host=",
                // Camunda's webapps keep their engine in static state: a second webapp in the JVM would take
                // the feature tests' Tasklist away when it stops
                "--camunda.bpm.webapp.enabled=false"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** A node in this JVM, on a free port. */
    public static ConfigurableApplicationContext start(TestDatabase.Connection db, String name, String lineBaseUrl,
            String... extra) {
        return new SpringApplicationBuilder(PartnerflowApplication.class).run(args(db, name, 0, lineBaseUrl, extra));
    }

    /** The staff API of a node in this JVM. */
    public static Api api(ConfigurableApplicationContext node) {
        return new Api(((ServletWebServerApplicationContext) node).getWebServer().getPort(), FeatureTest.STAFF_USER,
                FeatureTest.STAFF_PASSWORD);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
