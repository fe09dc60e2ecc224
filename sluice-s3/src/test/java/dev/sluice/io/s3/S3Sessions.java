package dev.sluice.io.s3;

import dev.sluice.Sluice;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sessions and data for the tests that run whole jobs against the test server. */
final class S3Sessions {
    private S3Sessions() {}

    static final StructType SCHEMA = StructType.fromDDL("id BIGINT, service STRING, status INT, year INT");

    /** A session on two workers whose s3:// paths go to the test server. */
    static Sluice session(S3TestServer server, Map<String, String> extra) {
        Sluice.Builder b = Sluice.builder().parallelism(2).shufflePartitions(2).batchSize(256);
        server.settings().forEach(b::config);
        extra.forEach(b::config);
        return b.build();
    }

    static Sluice session(S3TestServer server) { return session(server, Map.of()); }

    /** {@code n} rows: ids 0..n-1 over three services, statuses 200/404/500 and two years. */
    static List<Row> rows(int n) {
        List<Row> rows = new ArrayList<>(n);
        String[] services = {"auth", "api", "web"};
        int[] statuses = {200, 404, 500};
        for (int i = 0; i < n; i++) {
            rows.add(Row.of(SCHEMA, (long) i, services[i % 3], statuses[(i / 3) % 3], 2025 + (i % 2)));
        }
        return rows;
    }
}
