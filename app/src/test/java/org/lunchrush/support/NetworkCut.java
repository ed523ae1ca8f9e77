package org.lunchrush.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP path between one process and a service that a test can cut and heal, as a broken
 * network would: the process connects to {@link #port()} instead of the service. While
 * cut, nothing passes either way and nothing is refused or closed (packets lost, as in a
 * partition: the client only learns it from its own timeouts), and new connections are
 * taken but lead nowhere. Healing resets every connection of the cut (what was held back
 * is dropped, as after a long partition) and lets new ones through again.
 */
public final class NetworkCut implements AutoCloseable {

	private final ServerSocket listener;

	private final String targetHost;

	private final int targetPort;

	private final ExecutorService pumps = Executors.newVirtualThreadPerTaskExecutor();

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final Object gate = new Object();

	private volatile boolean cut;

	/**
	 * @param targetHost the service's host
	 * @param targetPort the service's port
	 */
	public NetworkCut(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try {
			this.listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.pumps.submit(this::accept);
	}

	/**
	 * @return the port the process should connect to, on the loopback interface
	 */
	public int port() {
		return this.listener.getLocalPort();
	}

	/**
	 * From now on nothing passes.
	 */
	public void cut() {
		this.cut = true;
	}

	/**
	 * Every connection made before is reset; new ones pass again.
	 */
	public void heal() {
		synchronized (this.gate) {
			for (Socket socket : this.open) {
				closeQuietly(socket);
			}
			this.open.clear();
			this.cut = false;
			this.gate.notifyAll();
		}
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			Socket client;
			try {
				client = this.listener.accept();
			}
			catch (IOException ex) {
				return;
			}
			this.open.add(client);
			this.pumps.submit(() -> connect(client));
		}
	}

	private void connect(Socket client) {
		Socket service = new Socket();
		try {
			awaitPassage(client);
			service.connect(new InetSocketAddress(this.targetHost, this.targetPort), 2_000);
			this.open.add(service);
			this.pumps.submit(() -> pump(client, service));
			pump(service, client);
		}
		catch (IOException ex) {
			closeQuietly(client);
			closeQuietly(service);
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			for (int n; (n = in.read(buffer)) >= 0;) {
				awaitPassage(from);
				out.write(buffer, 0, n);
				out.flush();
			}
		}
		catch (IOException ex) {
			// closed on either side, or reset by heal()
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.open.remove(from);
			this.open.remove(to);
		}
	}

	/**
	 * Holds the caller while the path is cut; throws when its connection was reset
	 * meanwhile.
	 */
	private void awaitPassage(Socket socket) throws IOException {
		if (!this.cut) {
			return;
		}
		synchronized (this.gate) {
			while (this.cut) {
				try {
					this.gate.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted while cut", ex);
				}
			}
		}
		if (socket.isClosed()) {
			throw new IOException("reset when the cut was healed");
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() {
		heal();
		try {
			this.listener.close();
		}
		catch (IOException ex) {
			// already closed
		}
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
		this.pumps.shutdownNow();
	}

}
