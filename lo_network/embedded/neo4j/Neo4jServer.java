// The embedded graph server of lo_network: Neo4j Community (embedded API) with its Bolt
// connector on 127.0.0.1 at a pinned port, authentication on.
//
// Started by lo_network/embedded/neo4j/run.py (``lo-network graph-server``), which fetched
// the jars and compiled this file; it runs in the process that launcher.py started (exec),
// so the PID the launcher knows is the JVM's.
//
// Arguments: <neo4j home> <graph folder> <bolt port> <database name> <page cache size>
// The password of the ``neo4j`` user is read from <graph folder>/root_password; on the
// very first start it becomes the initial password (Neo4j's own set-initial-password
// command, before any connector opens: no moment with the default password).
// Once the database answers, <graph folder>/ready holds this PID; SIGTERM/SIGINT shut
// down cleanly (shutdown hook) and remove it. Every line of ours starts with
// "lo-network graph-server:" (the launcher shows those when the start fails).

import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import picocli.CommandLine;

public final class Neo4jServer {
    private static final String PREFIX = "lo-network graph-server: ";
    static final int MIN_PASSWORD_LENGTH = 24; // ours are generated, 43 characters
    private static volatile int exitCode = 0; // 0 when stopped as asked, 2 when it gave up

    public static void main(String[] args) {
        if (args.length != 5) {
            fail("usage: Neo4jServer <home> <graph folder> <bolt port> <database> <page cache>");
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path graphDir = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        String database = args[3];
        long pageCache = SettingValueParsers.BYTES.parse(args[4]);
        Path ready = graphDir.resolve("ready");

        if (!Files.isDirectory(home.resolve("data").resolve("databases").resolve("system"))) {
            setInitialPassword(home, graphDir);
        }

        long started = System.nanoTime();
        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home)
                    .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.routing_enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.auth_minimum_password_length, MIN_PASSWORD_LENGTH)
                    .setConfig(GraphDatabaseSettings.initial_default_database, database)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false) // no usage reports sent out
                    // a stop waits 5 s twice for open Bolt connections and their threads by
                    // default; 1 s each is enough for a loopback client to see the close
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
        } catch (Throwable exc) {
            fail(explain(exc, graphDir, port));
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // the launcher checks the PID in it, a stale file does no harm
            }
            service.shutdown();
            say("stopped");
            Runtime.getRuntime().halt(exitCode); // stopped as asked: 0, not the JVM's 143
        }, "lo-network-shutdown"));

        try {
            GraphDatabaseService db = service.database(database);
            if (!db.isAvailable(Duration.ofSeconds(120).toMillis())) {
                stop("the database '" + database + "' did not become available in "
                        + graphDir + " (see " + home.resolve("logs").resolve("debug.log") + ")");
            }
            Files.writeString(ready, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
        } catch (Throwable exc) {
            stop(explain(exc, graphDir, port));
        }
        say(String.format("ready in %.1f s, Bolt on bolt://127.0.0.1:%d database '%s' (Neo4j %s)",
                (System.nanoTime() - started) / 1e9, port, database, neo4jVersion()));
        try {
            new CountDownLatch(1).await(); // until SIGTERM/SIGINT runs the shutdown hook
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    /** Neo4j's own ``neo4j-admin dbms set-initial-password``, run in this JVM so the
     *  password is never on a command line; takes effect as the system database is created. */
    private static void setInitialPassword(Path home, Path graphDir) {
        String password;
        try {
            password = Files.readString(graphDir.resolve("root_password"), StandardCharsets.UTF_8).strip();
        } catch (IOException exc) {
            fail("cannot read the password file in " + graphDir + ": " + exc.getMessage());
            return;
        }
        var out = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        var ctx = new ExecutionContext(home, home.resolve("conf"), out, System.err,
                new org.neo4j.io.fs.DefaultFileSystemAbstraction());
        // "--" ends the options: a password starting with "-" is the password, not an option
        int code = new CommandLine(new SetInitialPasswordCommand(ctx)).execute("--", password);
        if (code != 0) {
            fail("could not set the initial password of user neo4j (exit code " + code + ")");
        }
    }

    /** The engine's failure in plain words: a data folder in use, a port taken, else its message. */
    static String explain(Throwable exc, Path graphDir, int port) {
        for (Throwable t = exc; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            String msg = String.valueOf(t.getMessage());
            if (name.endsWith("FileLockException") || msg.contains("store_lock") || msg.contains("Lock file has been locked")) {
                return "the graph data folder " + graphDir + " is in use by another graph server; "
                        + "stop it first or set LO_DATA_DIR to another folder";
            }
            if (t instanceof BindException || name.endsWith("PortBindException")) {
                return "Bolt (LO_GRAPH_BOLT_PORT) port " + port + " on 127.0.0.1 is already in use "
                        + "(another graph server or program?); choose another with the setting for it "
                        + "(see README) or stop that program";
            }
        }
        Throwable root = exc;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "could not start: " + exc + (root != exc ? " (caused by " + root + ")" : "");
    }

    private static String neo4jVersion() {
        Package p = DatabaseManagementService.class.getPackage();
        return p == null || p.getImplementationVersion() == null ? "5" : p.getImplementationVersion();
    }

    private static void say(String line) {
        System.out.println(PREFIX + line);
        System.out.flush();
    }

    /** Give up after the server was built: its shutdown hook stops it cleanly. */
    private static void stop(String message) {
        System.err.println(PREFIX + message);
        System.err.flush();
        exitCode = 2;
        System.exit(2);
    }

    private static void fail(String message) {
        System.err.println(PREFIX + message);
        System.err.flush();
        Runtime.getRuntime().halt(2); // no shutdown hooks: nothing was started, or it cannot be
    }
}
