package dev.goroscope.engine.lang.types;

/** {@code chan elem}, {@code chan<- elem} ({@link Dir#SEND}) or {@code <-chan elem} ({@link Dir#RECV}). */
public record Chan(Dir dir, Type elem) implements Type {

    /** Which operations the channel type allows. */
    public enum Dir { BOTH, SEND, RECV }

    public boolean canSend() {
        return dir != Dir.RECV;
    }

    public boolean canRecv() {
        return dir != Dir.SEND;
    }

    @Override
    public String toString() {
        return TypeStrings.of(this);
    }
}
