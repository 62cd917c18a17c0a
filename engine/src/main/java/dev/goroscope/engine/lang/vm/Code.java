package dev.goroscope.engine.lang.vm;

import dev.goroscope.engine.runtime.FuncInfo;

/**
 * One compiled Go function: its instructions, constants, register counts and its frame as the
 * simulated runtime sees it. Parameters arrive in the first registers of each file, in order;
 * results leave from the registers {@code RET} names.
 *
 * @param frame  the function's frame (size from the estimator or from gc's TEXT line); null for a
 *               function gc inlines everywhere, and in the variant used at call sites gc inlines
 *               ({@link #inlined()}): those calls push no frame
 * @param nint   scalar registers
 * @param nref   reference registers
 * @param lines  the source line of each instruction's first word (0 where none)
 * @param captures how many of the reference parameters are a closure's captured variables
 *               (the last ones) rather than declared parameters
 */
public record Code(String name, FuncInfo frame, int nint, int nref, int[] ops, Object[] consts, int[] lines,
                   int paramInts, int paramRefs, int resultInts, int resultRefs, int captures) {

    /** Code of a function that captures nothing. */
    public Code(String name, FuncInfo frame, int nint, int nref, int[] ops, Object[] consts, int[] lines,
                int paramInts, int paramRefs, int resultInts, int resultRefs) {
        this(name, frame, nint, nref, ops, consts, lines, paramInts, paramRefs, resultInts, resultRefs, 0);
    }

    /** Whether the function has declared parameters (a receiver counts), as a traceback shows them. */
    public boolean hasArgs() {
        return paramInts + paramRefs - captures > 0;
    }

    /**
     * The same function as called at a site gc inlined: the same instructions and constants (the
     * compiler's later patches reach both), but no frame on the simulated stack.
     */
    public Code inlined() {
        return new Code(name, null, nint, nref, ops, consts, lines, paramInts, paramRefs, resultInts, resultRefs);
    }

    /** The source line of the instruction at {@code pc}. */
    public int lineAt(int pc) {
        return pc >= 0 && pc < lines.length ? lines[pc] : 0;
    }
}
