package vn.egov.backbone.distribution.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy that can cut the line: while stopped it refuses connections and has closed every open
 * one, as a broker that went down would look to its clients; started again, it forwards as before.
 */
public final class TcpProxy implements AutoCloseable {
    private final int port;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    public TcpProxy(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void start() {
        try {
            ServerSocket listening = new ServerSocket();
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress("127.0.0.1", port));
            server = listening;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(() -> {
            ServerSocket listening = server;
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket target = new Socket("127.0.0.1", targetPort);
                    open.add(client);
                    open.add(target);
                    pipe(client, target);
                    pipe(target, client);
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    public synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
            for (Socket socket : open) {
                socket.close();
            }
            open.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException cut) {
                // the other side or stop() closed the line
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
    }

    @Override
    public void close() {
        stop();
    }
}
