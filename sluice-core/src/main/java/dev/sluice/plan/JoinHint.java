package dev.sluice.plan;

/** Which sides of a join the user asked to broadcast ({@code functions.broadcast(df)}). */
public record JoinHint(boolean broadcastLeft, boolean broadcastRight) {
    public static final JoinHint NONE = new JoinHint(false, false);

    public boolean isEmpty() { return !broadcastLeft && !broadcastRight; }

    /** Explain text: {@code broadcast(left)}, {@code broadcast(right)} or both. */
    public String describe() {
        if (broadcastLeft && broadcastRight) return "broadcast(left, right)";
        return broadcastLeft ? "broadcast(left)" : "broadcast(right)";
    }
}
