package io.clawmetry.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A minimal RFC 6455 WebSocket server on 127.0.0.1 (port 0) for tests, plain or TLS: HTTP upgrade, masked client
 * frames, text and continuation frames, ping/pong, close. What it says is decided by a {@link Script}. Threads are
 * named {@code fake-gw-*} and all end on {@link #close()}.
 */
public final class FakeGateway implements AutoCloseable {

  /** What the fake gateway does on a connection. */
  public interface Script {
    /** After the upgrade. */
    void onOpen(Conn c) throws IOException;

    /** For each text message from the client. */
    void onText(Conn c, JsonNode frame) throws IOException;
  }

  /** Answers plain HTTP requests (no upgrade) with {status, body}. */
  public interface Http {
    String[] answer(String method, String path, String authorization, String body);
  }

  private final ServerSocket server;
  private final boolean tls;
  private final Script script;
  volatile Http http = (m, p, a, b) -> new String[] {"404", "{}"};
  private final List<Conn> conns = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;
  private volatile boolean closed;

  public FakeGateway(Script script) throws IOException {
    this(script, null);
  }

  /** A fake gateway speaking {@code wss://} with the key and certificate of {@code tls} (plain ws:// when null). */
  public FakeGateway(Script script, SSLContext tls) throws IOException {
    this.script = script;
    this.tls = tls != null;
    this.server = tls == null
        ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
        : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "fake-gw-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public URI uri() {
    return URI.create((tls ? "wss" : "ws") + "://127.0.0.1:" + server.getLocalPort() + "/");
  }

  public int port() {
    return server.getLocalPort();
  }

  /** How many WebSocket connections were accepted so far. */
  public int connections() {
    return connections.get();
  }

  public List<Conn> conns() {
    return conns;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        s.setSoTimeout(30_000);
        Thread t = new Thread(() -> serve(s), "fake-gw-conn-" + connections.get());
        t.setDaemon(true);
        threads.add(t);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    Conn c = new Conn(s, this);
    try (s) {
      if (!c.upgrade()) {
        return;
      }
      connections.incrementAndGet();
      conns.add(c);
      script.onOpen(c);
      while (!closed) {
        String msg = c.readMessage();
        if (msg == null) {
          return;
        }
        JsonNode frame;
        try {
          frame = Json.STRICT.readTree(msg);
        } catch (IOException e) {
          continue;
        }
        c.received.add(frame);
        script.onText(c, frame);
      }
    } catch (IOException e) {
      // connection ended
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
    for (Conn c : conns) {
      c.drop();
    }
    acceptor.join(2000);
    for (Thread t : threads) {
      t.join(2000);
    }
  }

  /** One client connection. */
  public static final class Conn {
    final Socket socket;
    final FakeGateway owner;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private InputStream in;
    private OutputStream out;

    Conn(Socket socket, FakeGateway owner) {
      this.socket = socket;
      this.owner = owner;
    }

    public boolean upgrade() throws IOException {
      in = socket.getInputStream();
      out = socket.getOutputStream();
      String key = null;
      String auth = null;
      int contentLength = 0;
      String line;
      String requestLine = null;
      while ((line = readLine()) != null && !line.isEmpty()) {
        if (requestLine == null) {
          requestLine = line;
          continue;
        }
        int i = line.indexOf(':');
        String name = i > 0 ? line.substring(0, i).trim().toLowerCase(Locale.ROOT) : "";
        String value = i > 0 ? line.substring(i + 1).trim() : "";
        switch (name) {
          case "sec-websocket-key" -> key = value;
          case "authorization" -> auth = value;
          case "content-length" -> contentLength = Integer.parseInt(value);
          default -> { }
        }
      }
      if (key == null) {
        byte[] body = in.readNBytes(contentLength);
        String[] parts = requestLine == null ? new String[] {"", ""} : requestLine.split(" ");
        String[] a = owner.http.answer(parts[0], parts.length > 1 ? parts[1] : "", auth,
            new String(body, StandardCharsets.UTF_8));
        byte[] b = a[1].getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + a[0] + " X\r\nContent-Type: application/json\r\nContent-Length: " + b.length
            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
        return false;
      }
      String accept;
      try {
        accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
            .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IOException(e);
      }
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return true;
    }

    private String readLine() throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          break;
        }
        if (c != '\r') {
          b.write(c);
        }
      }
      return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }

    /** The next whole text message, answering pings and close frames; null at the end. */
    public String readMessage() throws IOException {
      DataInputStream d = new DataInputStream(in);
      ByteArrayOutputStream msg = new ByteArrayOutputStream();
      while (true) {
        int b0;
        int b1;
        try {
          b0 = d.readUnsignedByte();
          b1 = d.readUnsignedByte();
        } catch (EOFException e) {
          return null;
        }
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0f;
        boolean masked = (b1 & 0x80) != 0;
        long len = b1 & 0x7f;
        if (len == 126) {
          len = d.readUnsignedShort();
        } else if (len == 127) {
          len = d.readLong();
        }
        if (!masked) {
          throw new IOException("client frame not masked");
        }
        byte[] mask = new byte[4];
        d.readFully(mask);
        byte[] payload = new byte[(int) len];
        d.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
        switch (opcode) {
          case 0x8 -> {
            writeFrame(0x8, payload, true);
            return null;
          }
          case 0x9 -> writeFrame(0xA, payload, true);
          case 0xA -> { }
          case 0x1, 0x0 -> {
            msg.write(payload);
            if (fin) {
              return msg.toString(StandardCharsets.UTF_8);
            }
          }
          default -> throw new IOException("unexpected opcode " + opcode);
        }
      }
    }

    /** Sends a text message in one frame. */
    public void send(String text) throws IOException {
      writeFrame(0x1, text.getBytes(StandardCharsets.UTF_8), true);
    }

    public void send(JsonNode frame) throws IOException {
      send(Json.STRICT.writeValueAsString(frame));
    }

    /** Sends a text message split into frames of at most {@code piece} bytes (continuation frames). */
    void sendFragmented(String text, int piece) throws IOException {
      byte[] all = text.getBytes(StandardCharsets.UTF_8);
      List<byte[]> parts = new ArrayList<>();
      for (int i = 0; i < all.length; i += piece) {
        parts.add(java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + piece)));
      }
      for (int i = 0; i < parts.size(); i++) {
        writeFrame(i == 0 ? 0x1 : 0x0, parts.get(i), i == parts.size() - 1);
      }
    }

    void ping() throws IOException {
      writeFrame(0x9, new byte[] {1, 2}, true);
    }

    /** Sends a close frame with a code and reason. */
    void closeWith(int code, String reason) throws IOException {
      byte[] r = reason.getBytes(StandardCharsets.UTF_8);
      byte[] p = new byte[2 + r.length];
      p[0] = (byte) (code >> 8);
      p[1] = (byte) code;
      System.arraycopy(r, 0, p, 2, r.length);
      writeFrame(0x8, p, true);
    }

    /** Drops the TCP connection without a close frame. */
    public void drop() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // dropped
      }
    }

    synchronized void writeFrame(int opcode, byte[] payload, boolean fin) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      b.write((fin ? 0x80 : 0) | opcode);
      if (payload.length < 126) {
        b.write(payload.length);
      } else if (payload.length < 65536) {
        b.write(126);
        b.write(payload.length >> 8);
        b.write(payload.length);
      } else {
        b.write(127);
        long l = payload.length;
        for (int i = 7; i >= 0; i--) {
          b.write((int) (l >> (8 * i)));
        }
      }
      b.write(payload);
      out.write(b.toByteArray());
      out.flush();
    }
  }
}
