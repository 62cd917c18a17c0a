package dev.goroscope.engine.runtime;

/** One case of a {@code select}: a send of {@code elem} or a receive, on {@code ch} (null: never ready). */
public record SelectCase(Channel ch, boolean send, Channel.Elem elem) {}
