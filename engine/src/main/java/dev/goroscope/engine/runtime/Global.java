package dev.goroscope.engine.runtime;

/** A global variable: its address in the data segment and its pointer slots (roots). */
public record Global(String name, long addr, long[] slots) {}
