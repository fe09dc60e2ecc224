package dev.sluice.connect;

import dev.sluice.RuntimeConfig;
import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ConfigResponse;
import org.apache.spark.connect.proto.KeyValue;

import java.util.Map;
import java.util.TreeMap;

/**
 * One session's configuration: Spark's defaults ({@link SparkDefaults}) plus what the client set. The keys Sluice's
 * engine honours ({@link RuntimeConfig}: ANSI mode, shuffle partitions, broadcast threshold, session time zone) are
 * also set on the session's own Sluice settings, so {@code spark.conf.set("spark.sql.session.timeZone", ...)} changes
 * what the queries compute, as on Spark; a bad value for one of them is refused as Spark refuses it.
 */
final class SessionConfig {
    private final Map<String, String> defaults = SparkDefaults.create();
    private final Map<String, String> values = new TreeMap<>(defaults);
    private final RuntimeConfig engine;

    SessionConfig(RuntimeConfig engine) {
        this.engine = engine;
        forward(RuntimeConfig.SESSION_TIME_ZONE, defaults.get(RuntimeConfig.SESSION_TIME_ZONE));   // client and engine agree from the start
    }

    private void forward(String key, String value) {
        if (engine.isModifiable(key) && value != null) engine.set(key, value);
    }

    synchronized String get(String key) { return values.get(key); }

    synchronized boolean ansi() { return !"false".equalsIgnoreCase(values.get("spark.sql.ansi.enabled")); }

    /** Answers one Config request. */
    synchronized ConfigResponse.Builder apply(ConfigRequest.Operation op) {
        ConfigResponse.Builder out = ConfigResponse.newBuilder();
        switch (op.getOpTypeCase()) {
            case SET:
                for (KeyValue kv : op.getSet().getPairsList()) {
                    if (kv.hasValue()) {
                        forward(kv.getKey(), kv.getValue());
                        values.put(kv.getKey(), kv.getValue());
                    } else {
                        values.remove(kv.getKey());
                    }
                }
                break;
            case GET:
                for (String key : op.getGet().getKeysList()) {
                    String v = values.get(key);
                    if (v == null) {
                        throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT)
                                .with("function", "conf.get").with("reason", "no value for the key " + key + " (SQL_CONF_NOT_FOUND)").build();
                    }
                    out.addPairs(KeyValue.newBuilder().setKey(key).setValue(v));
                }
                break;
            case GET_WITH_DEFAULT:
                for (KeyValue kv : op.getGetWithDefault().getPairsList()) {
                    String v = values.get(kv.getKey());
                    KeyValue.Builder b = KeyValue.newBuilder().setKey(kv.getKey());
                    if (v != null) b.setValue(v);
                    else if (kv.hasValue()) b.setValue(kv.getValue());
                    out.addPairs(b);
                }
                break;
            case GET_OPTION:
                for (String key : op.getGetOption().getKeysList()) {
                    KeyValue.Builder b = KeyValue.newBuilder().setKey(key);
                    String v = values.get(key);
                    if (v != null) b.setValue(v);
                    out.addPairs(b);
                }
                break;
            case GET_ALL: {
                String prefix = op.getGetAll().hasPrefix() ? op.getGetAll().getPrefix() : "";
                for (var e : values.entrySet()) {
                    if (e.getKey().startsWith(prefix)) out.addPairs(KeyValue.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
                }
                break;
            }
            case UNSET:
                for (String key : op.getUnset().getKeysList()) {
                    String d = defaults.get(key);
                    forward(key, d);
                    if (d != null) values.put(key, d);
                    else values.remove(key);
                }
                break;
            case IS_MODIFIABLE:
                for (String key : op.getIsModifiable().getKeysList()) {
                    out.addPairs(KeyValue.newBuilder().setKey(key).setValue(String.valueOf(key.startsWith("spark.sql."))));
                }
                break;
            default:
                throw ConnectErrors.unsupported("the config operation " + op.getOpTypeCase(), "unknown operation");
        }
        return out;
    }
}
