package dev.sluice.io.s3;

import dev.sluice.Sluice;
import dev.sluice.io.FileStatus;
import org.jclouds.blobstore.BlobStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prefix with many objects, listed through every page of ListObjectsV2. The objects are put straight into
 * S3Proxy's in-memory store, in parallel (no HTTP), so making them is cheap; the listing goes over HTTP.
 *
 * <p>By default 2,000 objects in pages forced down to 20 keys: the same 100 paginated round trips as
 * 100,000 objects in S3's pages of 1,000. The full size runs with {@code -Dsluice.s3.test.objects=100000}
 * (about 3 minutes here: S3Proxy's in-memory store re-reads every key of the bucket for each page, so its
 * cost per page grows with the bucket; real S3 does not).
 */
class S3ListingTest {
    static final int OBJECTS = Integer.getInteger("sluice.s3.test.objects", 2_000);
    static final int PAGE = OBJECTS >= 100_000 ? 1000 : 20;

    @Test void listsEveryPageOfALargePrefix() {
        S3TestServer server = S3TestServer.get();
        String b = server.newBucket();
        BlobStore store = server.store;
        IntStream.range(0, OBJECTS).parallel().forEach(i -> store.putBlob(b,
                store.blobBuilder(String.format("many/part-%06d.json", i)).payload("{\"i\":" + i + "}\n").build()));
        try (S3Storage s3 = server.storage(Map.of("sluice.s3.listPageSize", Integer.toString(PAGE)))) {
            long t0 = System.nanoTime();
            List<FileStatus> entries = s3.list("s3://" + b + "/many/");
            long listMillis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(entries).hasSize(OBJECTS);
            assertThat(entries.get(0).path()).isEqualTo("s3://" + b + "/many/part-000000.json");
            assertThat(entries.get(OBJECTS - 1).name()).isEqualTo(String.format("part-%06d.json", OBJECTS - 1));
            assertThat(entries).extracting(FileStatus::path).isSorted().doesNotHaveDuplicates();
            assertThat(s3.metrics().get("s3.requests.ListObjectsV2")).isEqualTo((long) Math.ceil(OBJECTS / (double) PAGE));
            System.out.println("listing " + OBJECTS + " objects in pages of " + PAGE + " took " + listMillis + " ms");
        }
        try (Sluice sluice = S3Sessions.session(server, Map.of("sluice.s3.listPageSize", Integer.toString(PAGE)))) {
            // a glob over the big prefix: the listing is paginated, and only the 100 matching objects are read
            long rows = sluice.read().schema("i BIGINT").json("s3://" + b + "/many/part-0000[0-9]?.json").count();
            assertThat(rows).isEqualTo(100);
        }
    }
}
