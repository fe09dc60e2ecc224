package dev.sluice.plan;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.Locale;

/** The kinds of join, with Spark's names for explain and Spark's accepted spellings for the API. */
public enum JoinType {
    INNER("Inner"), LEFT_OUTER("LeftOuter"), RIGHT_OUTER("RightOuter"), FULL_OUTER("FullOuter"),
    LEFT_SEMI("LeftSemi"), LEFT_ANTI("LeftAnti"), CROSS("Cross");

    private final String displayName;

    JoinType(String displayName) { this.displayName = displayName; }

    /** The name explain prints (Spark's). */
    public String displayName() { return displayName; }

    /** Only the left side's columns come out (semi and anti joins). */
    public boolean leftOnly() { return this == LEFT_SEMI || this == LEFT_ANTI; }

    /** Whether unmatched left rows come out padded with nulls. */
    public boolean keepsUnmatchedLeft() { return this == LEFT_OUTER || this == FULL_OUTER; }

    /** Whether unmatched right rows come out padded with nulls. */
    public boolean keepsUnmatchedRight() { return this == RIGHT_OUTER || this == FULL_OUTER; }

    /** Spark's spellings, ignoring case and underscores: inner, left, leftouter, right, full, outer, semi, anti, cross... */
    public static JoinType parse(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "");
        return switch (n) {
            case "inner" -> INNER;
            case "left", "leftouter" -> LEFT_OUTER;
            case "right", "rightouter" -> RIGHT_OUTER;
            case "full", "outer", "fullouter" -> FULL_OUTER;
            case "semi", "leftsemi" -> LEFT_SEMI;
            case "anti", "leftanti" -> LEFT_ANTI;
            case "cross" -> CROSS;
            default -> throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "join")
                    .with("reason", "unsupported join type '" + name + "'. Supported join types include: 'inner', 'outer', "
                            + "'full', 'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer', 'rightouter', 'right', "
                            + "'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'")
                    .build();
        };
    }
}
