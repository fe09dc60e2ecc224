package dev.sluice.connect;

import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ConfigResponse;
import org.apache.spark.connect.proto.KeyValue;

import java.util.Map;
import java.util.TreeMap;

/** One session's configuration: Spark's defaults ({@link SparkDefaults}) plus what the client set. */
final class SessionConfig {
    private final Map<String, String> defaults = SparkDefaults.create();
    private final Map<String, String> values = new TreeMap<>(defaults);

    synchronized String get(String key) { return values.get(key); }

    synchronized boolean ansi() { return !"false".equalsIgnoreCase(values.get("spark.sql.ansi.enabled")); }

    /** Answers one Config request. */
    synchronized ConfigResponse.Builder apply(ConfigRequest.Operation op) {
        ConfigResponse.Builder out = ConfigResponse.newBuilder();
        switch (op.getOpTypeCase()) {
            case SET:
                for (KeyValue kv : op.getSet().getPairsList()) {
                    if (kv.hasValue()) values.put(kv.getKey(), kv.getValue());
                    else values.remove(kv.getKey());
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
