package dev.sluice.bench;

import java.util.Locale;

/** The memory workload of WORKLOAD.md: jobs whose blocking operators hold far more than a small heap. */
enum MemoryJob {
    M1("stream: parse, filter, count (Q3)"),
    M2("high-cardinality aggregate: groupBy(request_id).agg(max(latency_ms)), count the groups"),
    M3("external sort: ts, request_id, latency_ms by latency_ms desc, request_id; write Parquet; count"),
    M4("large hash join: logs(request_id, status) with logs(request_id as rid, latency_ms); count"),
    M5("large distinct: (content.user.id, path).distinct(); count"),
    M6("large window: row_number() by content.user.id, latency_ms desc; keep rn = 1; count");

    private final String description;

    MemoryJob(String description) { this.description = description; }

    String id() { return name().toLowerCase(Locale.ROOT); }

    String description() { return description; }

    static MemoryJob parse(String id) { return valueOf(id.trim().toUpperCase(Locale.ROOT)); }
}
