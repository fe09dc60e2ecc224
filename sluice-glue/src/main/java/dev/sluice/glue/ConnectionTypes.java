package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.Locale;

/**
 * Glue connection types Sluice cannot serve, refused with the reason: each needs a running service (an AWS one, or a
 * database with its own Spark connector) that an in-process engine does not have.
 */
final class ConnectionTypes {
    private ConnectionTypes() {}

    static SluiceException unsupported(String connectionType, boolean sink) {
        String ct = connectionType.toLowerCase(Locale.ROOT);
        String reason;
        if (ct.equals("dynamodb")) {
            reason = "Sluice has no DynamoDB " + (sink ? "writer" : "reader") + " (it would need the AWS SDK's DynamoDB client, credentials "
                    + "and an endpoint); export the table to S3 and read the export as json with unnestDDBJson()/simplifyDDBJson()";
        } else if (ct.equals("kinesis") || ct.equals("kafka")) {
            reason = ct + " is a streaming connection: it needs the stream service and Glue's streaming (micro-batch) runtime; "
                    + "Sluice runs batch jobs (read the stream's files from S3 instead)";
        } else if (ct.equals("mongodb") || ct.equals("documentdb") || ct.equals("opensearch") || ct.startsWith("marketplace.")
                || ct.equals("custom.spark") || ct.equals("custom.athena")) {
            reason = ct + " needs its service and its own Spark connector, which Sluice does not have; JDBC databases work "
                    + "(postgresql, mysql, sqlserver, oracle, redshift, custom.jdbc)";
        } else {
            reason = "Sluice's Glue " + (sink ? "sinks write" : "sources read") + " s3 and file paths, and JDBC tables";
        }
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "connection type " + connectionType)
                .with("reason", reason).build();
    }
}
