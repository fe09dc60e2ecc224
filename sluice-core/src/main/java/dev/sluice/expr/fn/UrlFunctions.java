package dev.sluice.expr.fn;

import dev.sluice.expr.ScalarFunction;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sluice.types.DataTypes.STRING;

/**
 * URLs as Spark: parse_url (HOST, PATH, QUERY [with a key], REF, PROTOCOL, FILE, AUTHORITY, USERINFO; an invalid
 * URL fails under ANSI, try_parse_url gives NULL), url_encode / url_decode (application/x-www-form-urlencoded,
 * UTF-8), try_url_decode.
 */
public final class UrlFunctions {
    private UrlFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                RowFunction.of("parse_url", RowFunction.optional(2, STRING, STRING, STRING, STRING), v -> parse(v, false)),
                RowFunction.of("try_parse_url", RowFunction.optional(2, STRING, STRING, STRING, STRING), v -> parse(v, true)),
                RowFunction.of("url_encode", RowFunction.typed(STRING, STRING), v -> URLEncoder.encode((String) v[0], StandardCharsets.UTF_8)),
                RowFunction.of("url_decode", RowFunction.typed(STRING, STRING), v -> decode((String) v[0], false)),
                RowFunction.of("try_url_decode", RowFunction.typed(STRING, STRING), v -> decode((String) v[0], true)));
    }

    static String decode(String s, boolean lenient) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            if (lenient) return null;
            throw FnArgs.badInput("url_decode", "cannot decode '" + s + "': " + e.getMessage());
        }
    }

    static String parse(Object[] v, boolean lenient) {
        URI uri;
        try {
            uri = new URI((String) v[0]);
        } catch (URISyntaxException e) {
            if (lenient) return null;
            throw FnArgs.badInput("parse_url", "the URL '" + v[0] + "' is invalid");
        }
        String part = (String) v[1];
        switch (part) {
            case "HOST": return uri.getHost();
            case "PATH": return uri.getRawPath();
            case "QUERY": {
                String q = uri.getRawQuery();
                if (v.length < 3 || q == null) return q;
                Matcher m = Pattern.compile("(&|^)" + Pattern.quote((String) v[2]) + "=([^&]*)").matcher(q);
                return m.find() ? m.group(2) : null;
            }
            case "REF": return uri.getRawFragment();
            case "PROTOCOL": return uri.getScheme();
            case "FILE": return uri.getRawQuery() != null ? uri.getRawPath() + "?" + uri.getRawQuery() : uri.getRawPath();
            case "AUTHORITY": return uri.getRawAuthority();
            case "USERINFO": return uri.getRawUserInfo();
            default: return null;
        }
    }
}
