package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.event.EventParser;
import io.clawmetry.core.event.StreamState;
import io.clawmetry.core.warn.Warnings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A malformed row of {@code transcript_events} (JSON that is no object, a zstd payload that does not decode) is a
 * warning whose position finds the row: a seq alone does not, since every session numbers its rows from 0.
 */
class AgentDatabaseRowWarningsTest {

  @TempDir Path tmp;

  @Test
  void aMalformedRowsWarningNamesItsSessionAndSeq() throws Exception {
    Path db = tmp.resolve("agent.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE transcript_events (session_id TEXT NOT NULL, seq INTEGER NOT NULL, event_json TEXT,"
          + " event_zstd BLOB, event_utf8_bytes INTEGER, PRIMARY KEY (session_id, seq))");
      for (String session : List.of("s-a", "s-b")) {
        s.execute("INSERT INTO transcript_events (session_id, seq, event_json) VALUES ('" + session
            + "', 0, '{\"type\":\"session\",\"version\":4,\"id\":\"" + session + "\"}')");
      }
      s.execute("INSERT INTO transcript_events (session_id, seq, event_json) VALUES ('s-b', 1, '{\"type\":')");
      s.execute("INSERT INTO transcript_events (session_id, seq, event_zstd, event_utf8_bytes)"
          + " VALUES ('s-b', 2, X'28B52FFD0011223344', 40)");
    }
    Warnings warnings = new Warnings();
    EventParser parser = new EventParser(warnings);
    Map<String, StreamState> states = new HashMap<>();
    AgentDatabaseTranscripts.with(db, warnings, t -> t.readAll(warnings,
        r -> parser.parse(r, states.computeIfAbsent(r.sessionIdHint(), StreamState::new))));
    Map<WarningKind, String> positions = new HashMap<>();
    for (Warning w : warnings.list()) {
      positions.put(w.kind(), w.firstPosition());
    }
    assertEquals(
        Map.of(WarningKind.MALFORMED_LINE, "session s-b seq 1", WarningKind.BAD_ARCHIVE, "session s-b seq 2"),
        positions,
        warnings.list().toString());
  }
}
