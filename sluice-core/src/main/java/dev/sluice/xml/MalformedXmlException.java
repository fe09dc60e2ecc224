package dev.sluice.xml;

/** A record that is not well-formed XML (or uses a DTD or an undefined entity); the message says what. */
public final class MalformedXmlException extends RuntimeException {
    public MalformedXmlException(String reason) { super(reason, null, false, false); }

    public String reason() { return getMessage(); }
}
