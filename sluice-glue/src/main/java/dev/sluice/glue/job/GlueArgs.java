package dev.sluice.glue.job;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Glue's {@code getResolvedOptions(args, names)} with Glue 5/6's rules (GLUE.md §5.1): every listed name is a
 * required {@code --name value} argument; asking for a reserved name fails; {@code job-bookmark-option} defaults
 * to {@code job-bookmark-disable}; legacy {@code continuation-option} values map to bookmark options; with
 * {@code pause} give both or neither of {@code job-bookmark-from/-to}, without it not both; {@code TempDir} and
 * {@code RedshiftTempDir} mirror each other. Other arguments are ignored (Glue parses known arguments only).
 */
public final class GlueArgs {
    static final Set<String> RESERVED = Set.of("job-bookmark-option", "continuation-option", "job-bookmark-from", "job-bookmark-to");
    private static final List<String> OPTIONAL = List.of("job-bookmark-option", "continuation-option", "job-bookmark-from",
            "job-bookmark-to", "JOB_ID", "JOB_RUN_ID", "SECURITY_CONFIGURATION", "encryption-type", "enable-data-lineage",
            "TempDir", "RedshiftTempDir");

    private GlueArgs() {}

    public static Map<String, String> getResolvedOptions(String[] args, String... names) {
        for (String n : names) {
            if (RESERVED.contains(n)) throw invalid("Using reserved arguments " + n);
        }
        Map<String, String> given = parse(args);
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : names) {
            String v = given.get(n);
            if (v == null) throw invalid("the following arguments are required: --" + n);
            out.put(n, v);
        }
        for (String o : OPTIONAL) if (given.containsKey(o)) out.put(key(o), given.get(o));
        String option = given.get("job-bookmark-option");
        String continuation = given.get("continuation-option");
        if (option == null && continuation != null) {
            option = switch (continuation) {
                case "continuation-enabled" -> "job-bookmark-enable";
                case "continuation-readonly" -> "job-bookmark-pause";
                case "continuation-ignore" -> "job-bookmark-disable";
                default -> throw invalid("invalid continuation-option " + continuation);
            };
        }
        if (option == null) option = "job-bookmark-disable";
        if (!Set.of("job-bookmark-enable", "job-bookmark-pause", "job-bookmark-disable").contains(option)) {
            throw invalid("invalid job-bookmark-option " + option + "; use job-bookmark-enable, job-bookmark-pause or job-bookmark-disable");
        }
        out.put("job_bookmark_option", option);
        boolean from = given.containsKey("job-bookmark-from"), to = given.containsKey("job-bookmark-to");
        if (option.equals("job-bookmark-pause")) {
            if (from != to) throw invalid("Missing option or value for " + (from ? "job-bookmark-to" : "job-bookmark-from"));
        } else if (from && to) {
            throw invalid("Invalid option(s): job-bookmark-from and job-bookmark-to need job-bookmark-pause");
        }
        String temp = given.getOrDefault("TempDir", given.get("RedshiftTempDir"));
        if (temp != null) {
            out.put("TempDir", temp);
            out.put("RedshiftTempDir", temp);
        }
        return out;
    }

    private static String key(String option) {
        return option.contains("-") && !option.equals(option.toUpperCase(java.util.Locale.ROOT)) ? option.replace('-', '_') : option;
    }

    /** {@code --name value} and {@code --name=value} pairs; a name without a value maps to "". */
    static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) continue;
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                m.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                m.put(name, args[++i]);
            } else {
                m.put(name, "");
            }
        }
        return m;
    }

    private static SluiceException invalid(String reason) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "getResolvedOptions").with("reason", reason).build();
    }
}
