package dev.sluice.cli;

import dev.sluice.Sluice;
import dev.sluice.connect.SluiceConnectServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code sluice connect}: serves Spark Connect, so that unchanged PySpark ({@code pyspark-client}) and Spark Connect
 * JVM clients run on Sluice. Loopback only unless {@code --host} says otherwise, which then needs {@code --token}.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Serve Spark Connect: SparkSession.builder.remote(\"sc://127.0.0.1:15002\") runs on Sluice.")
final class ConnectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = SluiceConnectServer.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: ${DEFAULT-VALUE}); other than loopback needs --token.")
    String host = "127.0.0.1";

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Require this bearer token (clients: sc://host:port/;token=TOKEN). Default: the SLUICE_CONNECT_TOKEN variable.")
    String token = System.getenv("SLUICE_CONNECT_TOKEN");

    @Override
    public Integer call() throws InterruptedException {
        Sluice sluice = Sluice.builder().build();
        SluiceConnectServer server = SluiceConnectServer.start(sluice, host, port, token);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            sluice.close();
        }, "sluice-connect-stop"));
        spec.commandLine().getOut().println("Sluice Spark Connect server at " + server.url()
                + (token != null && !token.isEmpty() ? " (token required)" : "") + "; Ctrl-C stops it");
        spec.commandLine().getOut().flush();
        server.awaitTermination();
        return 0;
    }
}
