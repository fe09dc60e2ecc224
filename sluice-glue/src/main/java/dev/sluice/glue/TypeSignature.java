package dev.sluice.glue;

import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueArray;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueMap;
import dev.sluice.glue.types.GlueNull;
import dev.sluice.glue.types.GlueScalar;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.glue.types.GlueTypes;
import dev.sluice.types.DecimalType;

import java.util.ArrayList;
import java.util.List;

/**
 * A Glue type as one line of text and back ({@code struct<`id`:int,`tags`:array<string>>}), so that workers can
 * send the shape of each record to the driver cheaply while a schema is computed.
 */
final class TypeSignature {
    private TypeSignature() {}

    static String of(GlueType t) {
        StringBuilder sb = new StringBuilder();
        write(sb, t);
        return sb.toString();
    }

    private static void write(StringBuilder sb, GlueType t) {
        if (t instanceof GlueStruct s) {
            sb.append("struct<");
            for (int i = 0; i < s.size(); i++) {
                if (i > 0) sb.append(',');
                GlueField f = s.fields().get(i);
                sb.append('`').append(f.name().replace("`", "``")).append("`:");
                write(sb, f.type());
            }
            sb.append('>');
        } else if (t instanceof GlueArray a) {
            sb.append("array<");
            write(sb, a.element());
            sb.append('>');
        } else if (t instanceof GlueMap m) {
            sb.append("map<");
            write(sb, m.value());
            sb.append('>');
        } else if (t instanceof ChoiceType c) {
            sb.append("choice<");
            boolean first = true;
            for (GlueType alt : c.alternatives().values()) {
                if (!first) sb.append(',');
                first = false;
                write(sb, alt);
            }
            sb.append('>');
        } else if (t.dataType() instanceof DecimalType d) {
            sb.append("decimal(").append(d.precision()).append(',').append(d.scale()).append(')');
        } else {
            sb.append(t.typeName());
        }
    }

    static GlueType parse(String text) {
        int[] at = {0};
        GlueType t = read(text, at);
        if (at[0] != text.length()) throw new IllegalArgumentException("trailing text in type signature " + text);
        return t;
    }

    private static GlueType read(String s, int[] at) {
        int start = at[0];
        while (at[0] < s.length() && (Character.isLetter(s.charAt(at[0])))) at[0]++;
        String word = s.substring(start, at[0]);
        switch (word) {
            case "struct": {
                expect(s, at, '<');
                List<GlueField> fields = new ArrayList<>();
                while (s.charAt(at[0]) != '>') {
                    if (!fields.isEmpty()) expect(s, at, ',');
                    expect(s, at, '`');
                    StringBuilder name = new StringBuilder();
                    while (true) {
                        char c = s.charAt(at[0]++);
                        if (c == '`') {
                            if (at[0] < s.length() && s.charAt(at[0]) == '`') { name.append('`'); at[0]++; }
                            else break;
                        } else name.append(c);
                    }
                    expect(s, at, ':');
                    fields.add(new GlueField(name.toString(), read(s, at)));
                }
                at[0]++;
                return new GlueStruct(fields);
            }
            case "array": {
                expect(s, at, '<');
                GlueType e = read(s, at);
                expect(s, at, '>');
                return new GlueArray(e);
            }
            case "map": {
                expect(s, at, '<');
                GlueType v = read(s, at);
                expect(s, at, '>');
                return new GlueMap(v);
            }
            case "choice": {
                expect(s, at, '<');
                List<GlueType> alts = new ArrayList<>();
                while (s.charAt(at[0]) != '>') {
                    if (!alts.isEmpty()) expect(s, at, ',');
                    alts.add(read(s, at));
                }
                at[0]++;
                return ChoiceType.of(alts.toArray(new GlueType[0]));
            }
            case "decimal": {
                int end = s.indexOf(')', at[0]);
                String[] ps = s.substring(at[0] + 1, end).split(",");
                at[0] = end + 1;
                return GlueScalar.decimal(Integer.parseInt(ps[0]), Integer.parseInt(ps[1]));
            }
            case "null": return GlueNull.INSTANCE;
            default: return GlueTypes.parse(word);
        }
    }

    private static void expect(String s, int[] at, char c) {
        if (at[0] >= s.length() || s.charAt(at[0]) != c) throw new IllegalArgumentException("expected " + c + " at " + at[0] + " in " + s);
        at[0]++;
    }
}
