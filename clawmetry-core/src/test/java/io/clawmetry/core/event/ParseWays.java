package io.clawmetry.core.event;

import io.clawmetry.api.EventOrigin;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.core.source.RawRecord;
import io.clawmetry.core.warn.Warnings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one transcript stream parsed each of the three ways, each way with its own stream state: normally, skipping
 * content from the bytes (as the ledger reads files), and skipping content from the text (as database rows are read).
 */
final class ParseWays {

  /** The events of one way, one per line (null where a line gives none). */
  final List<TranscriptEvent> normal = new ArrayList<>();
  final List<TranscriptEvent> fromBytes = new ArrayList<>();
  final List<TranscriptEvent> fromText = new ArrayList<>();

  ParseWays(List<String> lines) {
    StreamState s1 = new StreamState("s");
    StreamState s2 = new StreamState("s");
    StreamState s3 = new StreamState("s");
    int n = 0;
    for (String l : lines) {
      EventOrigin o = new EventOrigin(SourceKind.JSONL_TRANSCRIPT, "f.jsonl", ++n);
      byte[] b = l.getBytes(StandardCharsets.UTF_8);
      normal.add(new EventParser(new Warnings()).parse(new RawRecord(l, o, null), s1).orElse(null));
      fromBytes.add(
          new EventParser(new Warnings()).parseWithoutContent(b, 0, b.length, o, s2, () -> l).orElse(null));
      fromText.add(
          new EventParser(new Warnings()).parseWithoutContent(new RawRecord(l, o, null), s3).orElse(null));
    }
  }
}
