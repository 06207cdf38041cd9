package io.clawmetry.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * ClawMetry's own state dir for the gateway client ({@code CLAWMETRY_HOME}, else {@code ~/.clawmetry/}; 0700): the
 * device key ({@code device/ed25519.pkcs8}, 0600) and the device tokens the gateways issued, one file per (gateway
 * URL, device id) under {@code device/tokens/} (0600). Never inside an OpenClaw home.
 */
public final class DeviceStore {

  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path dir;

  /** A store in {@code dir} (created on first write). */
  public DeviceStore(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** {@code CLAWMETRY_HOME}, else {@code <user home>/.clawmetry}. */
  public static Path defaultDir(Environment env) {
    String h = env.get("CLAWMETRY_HOME");
    return h != null && !h.isBlank() ? Path.of(h) : env.userHome().resolve(".clawmetry");
  }

  /** The store's directory. */
  public Path dir() {
    return dir;
  }

  /** The device identity, created (and saved, 0600) the first time. */
  public synchronized DeviceIdentity identity() throws IOException {
    Path key = dir.resolve("device").resolve("ed25519.pkcs8");
    if (Files.isRegularFile(key)) {
      try {
        return DeviceIdentity.fromPkcs8(Files.readAllBytes(key));
      } catch (GeneralSecurityException e) {
        throw new IOException("ClawMetry's device key " + key + " is unreadable (" + e.getMessage()
            + "); delete it to create a new identity (the device must then be paired again)");
      }
    }
    DeviceIdentity id = DeviceIdentity.generate();
    writePrivate(key, id.pkcs8());
    return id;
  }

  /** A stored device token for this gateway and device. */
  public synchronized Optional<StoredToken> token(String gatewayUrl, String deviceId) {
    Path f = tokenFile(gatewayUrl, deviceId);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      JsonNode n = Json.STRICT.readTree(Files.readAllBytes(f));
      if (!gatewayUrl.equals(n.path("url").asText()) || !deviceId.equals(n.path("deviceId").asText())
          || !n.hasNonNull("token")) {
        return Optional.empty();
      }
      List<String> scopes = new ArrayList<>();
      n.path("scopes").forEach(s -> scopes.add(s.asText()));
      return Optional.of(new StoredToken(n.get("token").asText(), scopes));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Saves a device token (0600). */
  public synchronized void saveToken(String gatewayUrl, String deviceId, String token, List<String> scopes,
      Long issuedAtMs) throws IOException {
    ObjectNode n = Json.STRICT.createObjectNode();
    n.put("url", gatewayUrl).put("deviceId", deviceId).put("token", token);
    n.putArray("scopes").addAll(scopes.stream().map(s -> Json.STRICT.getNodeFactory().textNode(s)).toList());
    if (issuedAtMs != null) {
      n.put("issuedAtMs", issuedAtMs);
    }
    writePrivate(tokenFile(gatewayUrl, deviceId), Json.STRICT.writeValueAsBytes(n));
  }

  /** Forgets a device token the gateway no longer accepts. */
  public synchronized void forgetToken(String gatewayUrl, String deviceId) {
    try {
      Files.deleteIfExists(tokenFile(gatewayUrl, deviceId));
    } catch (IOException ignored) {
      // a stale file is retried and forgotten again next time
    }
  }

  Path tokenFile(String gatewayUrl, String deviceId) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest((gatewayUrl + "\n" + deviceId).getBytes(StandardCharsets.UTF_8));
      return dir.resolve("device").resolve("tokens").resolve(HexFormat.of().formatHex(h, 0, 16) + ".json");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void writePrivate(Path file, byte[] content) throws IOException {
    createPrivateDirs(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (POSIX) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.write(tmp, content);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void createPrivateDirs(Path d) throws IOException {
    List<Path> toCreate = new ArrayList<>();
    for (Path p = d; p != null && !Files.exists(p); p = p.getParent()) {
      toCreate.add(0, p);
      if (p.equals(dir)) {
        break;
      }
    }
    for (Path p : toCreate) {
      if (POSIX && p.startsWith(dir)) {
        Files.createDirectory(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(p);
      }
    }
  }

  /**
   * A device token and the scopes it was issued for.
   *
   * @param token the token (never print it)
   * @param scopes the granted scopes
   */
  public record StoredToken(String token, List<String> scopes) {
    public StoredToken {
      scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
      return "StoredToken[scopes=" + scopes + "]";
    }
  }
}
