package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A glob for one path segment, as Hadoop and Spark accept them: {@code *} (any run of characters), {@code ?}
 * (one character), {@code [abc]}, {@code [a-z]}, {@code [!a]} or {@code [^a]} (one character in or not in a
 * set), {@code {a,b}} (alternatives, which may nest and hold wildcards), and {@code \} escaping the next
 * character. Compiled to a regular expression once.
 */
public final class GlobPattern {
    private final String glob;
    private final Pattern regex;

    private GlobPattern(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    /** Whether {@code segment} holds an unescaped wildcard, so it must be matched rather than looked up. */
    public static boolean hasWildcard(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\') i++;
            else if (c == '*' || c == '?' || c == '[' || c == '{') return true;
        }
        return false;
    }

    /** A literal path (a listed file) as a path readers accept: every glob character escaped, so it matches only itself. */
    public static String escape(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 8);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c == '*' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}') sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    /** The segment with escapes removed, for a segment without wildcards. */
    public static String unescape(String segment) {
        StringBuilder sb = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\' && i + 1 < segment.length()) c = segment.charAt(++i);
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Expands brace groups whose alternatives span segments ({@code logs/{2024/12,2025/01}/*.json}) into
     * one path per alternative, as Hadoop does before matching; other braces stay for {@link #compile}.
     */
    public static List<String> expandBracesAcrossSegments(String path) {
        int from = 0;
        while (true) {
            int open = find(path, '{', from);
            if (open < 0) return List.of(path);
            int close = matchingBrace(path, open);
            if (close < 0) return List.of(path);   // unbalanced: compile() reports it with the segment
            List<String> alternatives = topLevelAlternatives(path.substring(open + 1, close));
            boolean spans = false;
            for (String a : alternatives) spans |= a.indexOf('/') >= 0;
            if (!spans) {
                from = close + 1;
                continue;
            }
            List<String> out = new ArrayList<>();
            for (String a : alternatives) {
                out.addAll(expandBracesAcrossSegments(path.substring(0, open) + a + path.substring(close + 1)));
            }
            return out;
        }
    }

    private static int find(String s, char wanted, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == wanted) return i;
        }
        return -1;
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        return -1;
    }

    private static List<String> topLevelAlternatives(String inside) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '\\') i++;
            else if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == ',' && depth == 0) {
                out.add(inside.substring(start, i));
                start = i + 1;
            }
        }
        out.add(inside.substring(start));
        return out;
    }

    public static GlobPattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 == glob.length()) throw invalid(glob, "it ends with a lone backslash");
                    re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                }
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) re.append("\\}");
                    else {
                        braces--;
                        re.append(')');
                    }
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                case '[' -> i = characterClass(glob, i, re);
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces > 0) throw invalid(glob, "a '{' is not closed by '}'");
        return new GlobPattern(glob, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    /** Appends the class starting at {@code glob[open] == '['}; returns the index of its closing ']'. */
    private static int characterClass(String glob, int open, StringBuilder re) {
        int i = open + 1;
        re.append('[');
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            re.append('^');
            i++;
        }
        boolean empty = true;
        for (; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == ']' && !empty) {
                re.append(']');
                return i;
            }
            if (c == '\\' && i + 1 < glob.length()) c = glob.charAt(++i);
            if (c == '-' && !empty && i + 1 < glob.length() && glob.charAt(i + 1) != ']') re.append('-');
            else if (Character.isLetterOrDigit(c)) re.append(c);
            else re.append('\\').append(c);   // every other character literal inside the regex class
            empty = false;
        }
        throw invalid(glob, "a '[' is not closed by ']'");
    }

    private static SluiceException invalid(String glob, String reason) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT)
                .with("function", "path glob " + glob)
                .with("reason", reason + "; escape a literal wildcard character with a backslash")
                .build();
    }

    public boolean matches(String name) { return regex.matcher(name).matches(); }

    @Override public String toString() { return glob; }
}
