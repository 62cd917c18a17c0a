package dev.goroscope.engine.lang.check;

import static dev.goroscope.engine.lang.check.Stdlib.ANY;
import static dev.goroscope.engine.lang.check.Stdlib.BOOL;
import static dev.goroscope.engine.lang.check.Stdlib.BYTES;
import static dev.goroscope.engine.lang.check.Stdlib.ERR;
import static dev.goroscope.engine.lang.check.Stdlib.INT;
import static dev.goroscope.engine.lang.check.Stdlib.STR;
import static dev.goroscope.engine.lang.check.Stdlib.U64;
import static dev.goroscope.engine.lang.check.Stdlib.array;
import static dev.goroscope.engine.lang.check.Stdlib.imethod;
import static dev.goroscope.engine.lang.check.Stdlib.none;
import static dev.goroscope.engine.lang.check.Stdlib.opaque;
import static dev.goroscope.engine.lang.check.Stdlib.ptr;
import static dev.goroscope.engine.lang.check.Stdlib.recvChan;
import static dev.goroscope.engine.lang.check.Stdlib.sig;
import static dev.goroscope.engine.lang.check.Stdlib.tuple;
import static dev.goroscope.engine.lang.check.Stdlib.variadic;

import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Interface;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Slice;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import java.util.ArrayList;
import java.util.List;

/** The members of each supported package (see {@link Stdlib}). */
final class StdPackages {

    private StdPackages() {
    }

    static void build() {
        fmt();
        runtime();
        debug();
        Named duration = time();
        sync();
        errors();
        strings();
        context(duration);
        strconv();
        viz();
        extras();
    }

    private static final Type ANYS = new Slice(Interface.ANY);

    private static void fmt() {
        Stdlib.Pkg p = new Stdlib.Pkg("fmt");
        p.func("Println", variadic(tuple("a", ANYS), tuple("n", INT, "err", ERR)));
        p.func("Print", variadic(tuple("a", ANYS), tuple("n", INT, "err", ERR)));
        p.func("Printf", variadic(tuple("format", STR, "a", ANYS), tuple("n", INT, "err", ERR)));
        p.func("Sprintf", variadic(tuple("format", STR, "a", ANYS), tuple("", STR)));
        p.func("Sprint", variadic(tuple("a", ANYS), tuple("", STR)));
        p.func("Sprintln", variadic(tuple("a", ANYS), tuple("", STR)));
        p.func("Errorf", variadic(tuple("format", STR, "a", ANYS), tuple("", ERR)));
        p.type("Stringer", new Interface(List.of(imethod("String", sig(none(), tuple("", STR)))), List.of()));
        p.done();
    }

    private static void runtime() {
        Stdlib.Pkg p = new Stdlib.Pkg("runtime");
        List<Var> fs = new ArrayList<>();
        for (String f : List.of("Alloc", "TotalAlloc", "Sys", "Lookups", "Mallocs", "Frees", "HeapAlloc", "HeapSys",
                "HeapIdle", "HeapInuse", "HeapReleased", "HeapObjects", "StackInuse", "StackSys", "MSpanInuse",
                "MSpanSys", "MCacheInuse", "MCacheSys", "BuckHashSys", "GCSys", "OtherSys", "NextGC", "LastGC",
                "PauseTotalNs")) {
            fs.add(p.field(f, U64));
        }
        fs.add(p.field("PauseNs", array(256, U64)));
        fs.add(p.field("PauseEnd", array(256, U64)));
        fs.add(p.field("NumGC", Basic.UINT32));
        fs.add(p.field("NumForcedGC", Basic.UINT32));
        fs.add(p.field("GCCPUFraction", Basic.FLOAT64));
        fs.add(p.field("EnableGC", BOOL));
        fs.add(p.field("DebugGC", BOOL));
        Struct sizeClass = new Struct(List.of(p.field("Size", Basic.UINT32), p.field("Mallocs", U64),
                p.field("Frees", U64)));
        fs.add(p.field("BySize", array(61, sizeClass)));
        Named memStats = p.type("MemStats", new Struct(fs));
        p.func("GC", sig(none(), none()));
        p.func("ReadMemStats", sig(tuple("m", ptr(memStats)), none()));
        p.func("NumGoroutine", sig(none(), tuple("", INT)));
        p.func("GOMAXPROCS", sig(tuple("n", INT), tuple("", INT)));
        p.func("Gosched", sig(none(), none()));
        p.func("Goexit", sig(none(), none()));
        p.func("Stack", sig(tuple("buf", BYTES, "all", BOOL), tuple("", INT)));
        p.func("NumCPU", sig(none(), tuple("", INT)));
        p.done();
    }

    private static void debug() {
        Stdlib.Pkg p = new Stdlib.Pkg("runtime/debug");
        p.func("SetMaxStack", sig(tuple("bytes", INT), tuple("", INT)));
        p.func("SetGCPercent", sig(tuple("percent", INT), tuple("", INT)));
        p.func("SetMemoryLimit", sig(tuple("limit", Basic.INT64), tuple("", Basic.INT64)));
        p.func("FreeOSMemory", sig(none(), none()));
        p.done();
    }

    private static Named time() {
        Stdlib.Pkg p = new Stdlib.Pkg("time");
        Named d = p.type("Duration", Basic.INT64);
        p.constant("Nanosecond", d, 1L);
        p.constant("Microsecond", d, 1_000L);
        p.constant("Millisecond", d, 1_000_000L);
        p.constant("Second", d, 1_000_000_000L);
        p.constant("Minute", d, 60_000_000_000L);
        p.constant("Hour", d, 3_600_000_000_000L);
        p.method(d, false, "String", sig(none(), tuple("", STR)));
        p.method(d, false, "Seconds", sig(none(), tuple("", Basic.FLOAT64)));
        p.method(d, false, "Milliseconds", sig(none(), tuple("", Basic.INT64)));
        Named t = opaque(p, "Time", p.field("wall", U64), p.field("ext", Basic.INT64),
                p.field("loc", ptr(Basic.UINT8)));
        p.method(t, false, "Sub", sig(tuple("u", t), tuple("", d)));
        p.method(t, false, "Before", sig(tuple("u", t), tuple("", BOOL)));
        p.method(t, false, "After", sig(tuple("u", t), tuple("", BOOL)));
        p.method(t, false, "Add", sig(tuple("d", d), tuple("", t)));
        p.func("Until", sig(tuple("t", t), tuple("", d)));
        // The runtime timer (runtimeTimer, 72 bytes) is r: a Timer or Ticker is 80 bytes, as in Go.
        Named ticker = opaque(p, "Ticker", p.field("C", recvChan(t)), p.field("r", array(9, U64)));
        p.method(ticker, true, "Stop", sig(none(), none()));
        p.method(ticker, true, "Reset", sig(tuple("d", d), none()));
        Named timer = opaque(p, "Timer", p.field("C", recvChan(t)), p.field("r", array(9, U64)));
        p.method(timer, true, "Stop", sig(none(), tuple("", BOOL)));
        p.method(timer, true, "Reset", sig(tuple("d", d), tuple("", BOOL)));
        p.func("NewTimer", sig(tuple("d", d), tuple("", ptr(timer))));
        p.func("Tick", sig(tuple("d", d), tuple("", recvChan(t))));
        p.func("AfterFunc", sig(tuple("d", d, "f", Signature.EMPTY), tuple("", ptr(timer))));
        p.func("Sleep", sig(tuple("d", d), none()));
        p.func("Now", sig(none(), tuple("", t)));
        p.func("Since", sig(tuple("t", t), tuple("", d)));
        p.func("After", sig(tuple("d", d), tuple("", recvChan(t))));
        p.func("NewTicker", sig(tuple("d", d), tuple("", ptr(ticker))));
        p.done();
        return d;
    }

    private static void sync() {
        Stdlib.Pkg p = new Stdlib.Pkg("sync");
        Named wg = opaque(p, "WaitGroup", p.field("state", U64), p.field("sema", Basic.UINT32));
        p.method(wg, true, "Add", sig(tuple("delta", INT), none()));
        p.method(wg, true, "Done", sig(none(), none()));
        p.method(wg, true, "Wait", sig(none(), none()));
        Named mu = opaque(p, "Mutex", p.field("state", Basic.INT32), p.field("sema", Basic.UINT32));
        p.method(mu, true, "Lock", sig(none(), none()));
        p.method(mu, true, "Unlock", sig(none(), none()));
        Named rw = opaque(p, "RWMutex", p.field("w", mu), p.field("writerSem", Basic.UINT32),
                p.field("readerSem", Basic.UINT32), p.field("readerCount", Basic.INT32),
                p.field("readerWait", Basic.INT32));
        for (String m : List.of("Lock", "Unlock", "RLock", "RUnlock")) {
            p.method(rw, true, m, sig(none(), none()));
        }
        Named once = opaque(p, "Once", p.field("done", Basic.UINT32), p.field("m", mu));
        p.method(once, true, "Do", sig(tuple("f", Signature.EMPTY), none()));
        Named pool = opaque(p, "Pool", p.field("local", ptr(Basic.UINT8)), p.field("localSize", Basic.UINTPTR),
                p.field("victim", ptr(Basic.UINT8)), p.field("victimSize", Basic.UINTPTR),
                p.field("New", sig(none(), tuple("", ANY))));
        p.method(pool, true, "Get", sig(none(), tuple("", ANY)));
        p.method(pool, true, "Put", sig(tuple("x", ANY), none()));
        p.done();
    }

    private static void errors() {
        Stdlib.Pkg p = new Stdlib.Pkg("errors");
        p.func("New", sig(tuple("text", STR), tuple("", ERR)));
        p.func("Is", sig(tuple("err", ERR, "target", ERR), tuple("", BOOL)));
        p.func("As", sig(tuple("err", ERR, "target", ANY), tuple("", BOOL)));
        p.func("Unwrap", sig(tuple("err", ERR), tuple("", ERR)));
        p.done();
    }

    private static void strings() {
        Stdlib.Pkg p = new Stdlib.Pkg("strings");
        p.func("Repeat", sig(tuple("s", STR, "count", INT), tuple("", STR)));
        p.func("Contains", sig(tuple("s", STR, "substr", STR), tuple("", BOOL)));
        p.func("Join", sig(tuple("elems", new Slice(STR), "sep", STR), tuple("", STR)));
        p.func("Split", sig(tuple("s", STR, "sep", STR), tuple("", new Slice(STR))));
        p.func("ToUpper", sig(tuple("s", STR), tuple("", STR)));
        p.func("HasPrefix", sig(tuple("s", STR, "prefix", STR), tuple("", BOOL)));
        Named b = p.type("Builder", null);
        b.setUnderlying(new Struct(List.of(p.field("addr", ptr(b)), p.field("buf", BYTES))));
        p.method(b, true, "WriteString", sig(tuple("s", STR), tuple("", INT, "", ERR)));
        p.method(b, true, "String", sig(none(), tuple("", STR)));
        p.method(b, true, "Len", sig(none(), tuple("", INT)));
        p.method(b, true, "Reset", sig(none(), none()));
        p.method(b, true, "Write", sig(tuple("p", BYTES), tuple("", INT, "", ERR)));
        p.method(b, true, "WriteByte", sig(tuple("c", Basic.BYTE), tuple("", ERR)));
        p.method(b, true, "Grow", sig(tuple("n", INT), none()));
        p.method(b, true, "Cap", sig(none(), tuple("", INT)));
        p.done();
    }

    private static void context(Named duration) {
        Stdlib.Pkg p = new Stdlib.Pkg("context");
        Type time = ((dev.goroscope.engine.lang.types.TypeName) Stdlib.byPath("time").members().get("Time")).type();
        Named ctx = p.type("Context", new Interface(List.of(
                imethod("Deadline", sig(none(), tuple("deadline", time, "ok", BOOL))),
                imethod("Done", sig(none(), tuple("", recvChan(new Struct(List.of()))))),
                imethod("Err", sig(none(), tuple("", ERR))),
                imethod("Value", sig(tuple("key", ANY), tuple("", ANY)))), List.of()));
        Named cancel = p.type("CancelFunc", Signature.EMPTY);
        p.func("Background", sig(none(), tuple("", ctx)));
        p.func("TODO", sig(none(), tuple("", ctx)));
        p.func("WithCancel", sig(tuple("parent", ctx), tuple("ctx", ctx, "cancel", cancel)));
        p.func("WithTimeout", sig(tuple("parent", ctx, "timeout", duration), tuple("", ctx, "", cancel)));
        p.func("WithDeadline", sig(tuple("parent", ctx, "d", time), tuple("", ctx, "", cancel)));
        p.func("WithValue", sig(tuple("parent", ctx, "key", ANY, "val", ANY), tuple("", ctx)));
        p.var("Canceled", ERR);
        p.var("DeadlineExceeded", ERR);
        p.done();
    }

    private static void strconv() {
        Stdlib.Pkg p = new Stdlib.Pkg("strconv");
        p.func("Itoa", sig(tuple("i", INT), tuple("", STR)));
        p.func("Atoi", sig(tuple("s", STR), tuple("", INT, "", ERR)));
        p.var("ErrSyntax", ERR);
        p.var("ErrRange", ERR);
        p.done();
    }

    private static void viz() {
        Stdlib.Pkg p = new Stdlib.Pkg("viz");
        p.func("Say", sig(tuple("msg", STR), none()));
        p.func("Pause", sig(none(), none()));
        p.func("GCStart", sig(none(), none()));
        p.func("GCStep", sig(tuple("n", INT), none()));
        p.func("GCFinish", sig(none(), none()));
        p.func("Barrier", sig(tuple("name", STR), none()));
        p.done();
    }

    /** The few extra members the test corpus (the seed articles) uses. */
    private static void extras() {
        Stdlib.Pkg os = new Stdlib.Pkg("os");
        os.func("Exit", sig(tuple("code", INT), none()));
        os.done();
        Signature rw = sig(tuple("p", BYTES), tuple("n", INT, "err", ERR));
        Stdlib.Pkg io = new Stdlib.Pkg("io");
        io.type("Reader", new Interface(List.of(imethod("Read", rw)), List.of()));
        io.type("Writer", new Interface(List.of(imethod("Write", rw)), List.of()));
        io.done();
        Stdlib.Pkg bytes = new Stdlib.Pkg("bytes");
        Named buf = opaque(bytes, "Buffer", bytes.field("buf", BYTES), bytes.field("off", INT),
                bytes.field("lastRead", Basic.INT8));
        bytes.method(buf, true, "WriteString", sig(tuple("s", STR), tuple("n", INT, "err", ERR)));
        bytes.method(buf, true, "Write", rw);
        bytes.method(buf, true, "String", sig(none(), tuple("", STR)));
        bytes.method(buf, true, "Len", sig(none(), tuple("", INT)));
        bytes.method(buf, true, "Reset", sig(none(), none()));
        bytes.method(buf, true, "WriteByte", sig(tuple("c", Basic.BYTE), tuple("", ERR)));
        bytes.method(buf, true, "Grow", sig(tuple("n", INT), none()));
        bytes.method(buf, true, "Cap", sig(none(), tuple("", INT)));
        bytes.method(buf, true, "Bytes", sig(none(), tuple("", BYTES)));
        bytes.done();
        Stdlib.Pkg net = new Stdlib.Pkg("net");
        net.type("Conn", new Interface(List.of(imethod("Read", rw), imethod("Write", rw),
                imethod("Close", sig(none(), tuple("", ERR)))), List.of()));
        net.done();
    }
}
