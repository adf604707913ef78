package dev.jgrad.cli.commands;

import dev.jgrad.cli.CommonOptions;
import dev.jgrad.cli.ExitCodes;
import dev.jgrad.cli.Usage;
import dev.jgrad.cli.InputException;
import dev.jgrad.playground.PlaygroundOptions;
import dev.jgrad.playground.PlaygroundServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code jgrad playground}: serves the interactive playground until Ctrl-C. */
@Command(name = "playground", mixinStandardHelpOptions = true,
        description = "Start the playground web page (train small networks in the browser).",
        footer = {"", "Example:", "  jgrad playground --port 8080 --model fashion.jgrad   (then open the printed address)"})
public final class PlaygroundCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--host", description = "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only).",
            defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @Option(names = "--model", paramLabel = "FILE", description = "A 28x28 image model for the drawing pad.")
    Path model;

    /** For tests: stop after this many seconds instead of waiting for Ctrl-C. */
    @Option(names = "--run-for", hidden = true)
    Double runFor;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            throw Usage.error(spec, "--port must be in [0, 65535] (0 for any free port), got " + port);
        }
        try {
            java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new InputException("--host " + host + ": not a host name or address this machine can resolve; use "
                    + "127.0.0.1 (this machine only) or 0.0.0.0 (every interface)", e);
        }
        PlaygroundOptions options = PlaygroundOptions.defaults().withHost(host).withPort(port).withDigitModel(model);
        PlaygroundServer server;
        try {
            server = PlaygroundServer.start(options);
        } catch (BindException e) {
            throw new InputException(host + ":" + port + ": cannot listen there (" + e.getMessage()
                    + "); choose another --port, or 0 for any free one", e);
        } catch (java.net.SocketException | java.nio.channels.UnresolvedAddressException e) {
            throw new InputException("--host " + host + ": cannot listen there (" + (e.getMessage() == null
                    ? "not an address of this machine" : e.getMessage()) + ")", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "jgrad-playground-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("jgrad playground at " + server.url() + (model == null ? "" : " (drawing pad model: " + model + ")")
                + "  - Ctrl-C to stop");
        out.flush();
        if (runFor != null) {
            stopped.await((long) (runFor * 1000), TimeUnit.MILLISECONDS);
            Runtime.getRuntime().removeShutdownHook(hook);
            server.stop();
            return ExitCodes.OK;
        }
        stopped.await();
        return ExitCodes.OK;
    }
}
