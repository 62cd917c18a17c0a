package dev.goroscope.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.engine.event.EventSink;
import dev.goroscope.engine.runtime.Channel.Elem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Channels, select and sync primitives (chan.go, select.go, sema.go). */
class ChannelTest {
    private final GoRuntime rt = new GoRuntime(Settings.defaults().withPacedGc(false), EventSink.NONE);
    private final Goroutine main = rt.main();

    private static Elem v(Object o) {
        return new Elem(o, new long[0]);
    }

    @Test
    void bufferedChannelBlocksWhenFullAndKeepsOrder() {
        Channel c = rt.makechan(main, 8, 0, "int", 2);
        assertThat(rt.chansend(main, c, v(1)).blocked()).isFalse();
        assertThat(rt.chansend(main, c, v(2)).blocked()).isFalse();
        Goroutine w = rt.go(main, FuncInfo.of("main.sender", 32));
        assertThat(rt.chansend(w, c, v(3)).blocked()).isTrue();
        assertThat(w.status()).isEqualTo(GStatus.WAITING);
        assertThat(w.waitReason()).isEqualTo(WaitReason.CHAN_SEND);
        assertThat(rt.chanrecv(main, c).received().value()).isEqualTo(1);
        // The parked sender's element went to the tail of the buffer and the sender is runnable.
        assertThat(w.status()).isEqualTo(GStatus.RUNNABLE);
        assertThat(rt.chanrecv(main, c).received().value()).isEqualTo(2);
        assertThat(rt.chanrecv(main, c).received().value()).isEqualTo(3);
    }

    @Test
    void unbufferedSendHandsOverToAParkedReceiver() {
        Channel c = rt.makechan(main, 8, 0, "int", 0);
        Goroutine r = rt.go(main, FuncInfo.of("main.receiver", 32));
        assertThat(rt.chanrecv(r, c).blocked()).isTrue();
        assertThat(r.depth()).isGreaterThan(1); // parked inside runtime.chanrecv / gopark
        ChanResult s = rt.chansend(main, c, v("hello"));
        assertThat(s.blocked()).isFalse();
        assertThat(r.wake().received().value()).isEqualTo("hello");
        assertThat(r.wake().ok()).isTrue();
        assertThat(r.status()).isEqualTo(GStatus.RUNNABLE);
    }

    @Test
    void closeWakesReceiversAndSendsPanic() {
        Channel c = rt.makechan(main, 8, 0, "int", 0);
        Goroutine r = rt.go(main, FuncInfo.of("main.receiver", 32));
        rt.chanrecv(r, c);
        assertThat(rt.closechan(main, c)).isNull();
        assertThat(r.wake().ok()).isFalse();
        assertThat(rt.chanrecv(main, c).ok()).isFalse();
        assertThat(rt.chansend(main, c, v(1)).panic()).isEqualTo("send on closed channel");
        assertThat(rt.closechan(main, c)).isEqualTo("close of closed channel");
        assertThat(rt.closechan(main, null)).isEqualTo("close of nil channel");
    }

    @Test
    void receiveFromNilChannelDeadlocksWithTheRuntimesWords() {
        rt.chanrecv(main, null);
        assertThatThrownBy(rt::schedule).isInstanceOf(GoFatal.class)
                .satisfies(t -> assertThat(((GoFatal) t).stderr())
                        .contains("fatal error: all goroutines are asleep - deadlock!",
                                "goroutine 1 [chan receive (nil chan)]:"));
    }

    @Test
    void selectTakesDefaultOrAReadyCaseInASeededOrder() {
        Channel a = rt.makechan(main, 8, 0, "int", 1);
        Channel b = rt.makechan(main, 8, 0, "int", 1);
        List<SelectCase> cases = List.of(new SelectCase(a, false, null), new SelectCase(b, false, null));
        assertThat(rt.select(main, cases, true).caseIndex()).isEqualTo(-1);
        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            rt.chansend(main, a, v(i));
            rt.chansend(main, b, v(i));
            int k = rt.select(main, cases, false).caseIndex();
            chosen.add(k);
            rt.chanrecv(main, k == 0 ? b : a); // drain the other
        }
        assertThat(chosen).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void parkedSelectIsWokenByOneCaseAndLeavesTheOthers() {
        Channel a = rt.makechan(main, 8, 0, "int", 0);
        Channel b = rt.makechan(main, 8, 0, "int", 0);
        Goroutine s = rt.go(main, FuncInfo.of("main.selector", 32));
        List<SelectCase> cases = List.of(new SelectCase(a, false, null), new SelectCase(b, false, null));
        assertThat(rt.select(s, cases, false).blocked()).isTrue();
        assertThat(s.waitReason()).isEqualTo(WaitReason.SELECT);
        assertThat(a.waiting() + b.waiting()).isEqualTo(2);
        rt.chansend(main, b, v(7));
        assertThat(s.wake().caseIndex()).isEqualTo(1);
        assertThat(s.wake().received().value()).isEqualTo(7);
        assertThat(a.waiting() + b.waiting()).isZero();
    }

    @Test
    void theCollectorTracesWhatSitsInAChannelBuffer() {
        rt.call(main, new FuncInfo("main.main", 64, 1));
        Channel c = rt.makechan(main, 8, 1, "*main.T", 4);
        rt.storeSlot(main, main.depth() - 1, 0, c.addr()); // the program holds the channel
        long obj = rt.alloc(main, 32, 0, "main.T");
        rt.chansend(main, c, new Elem("T", new long[] {obj}));
        rt.runtimeGC();
        assertThat(rt.object(obj)).as("reachable through the buffer").isNotNull();
        rt.chanrecv(main, c); // the slot is cleared; nothing else holds the object
        rt.runtimeGC();
        assertThat(rt.object(obj)).isNull();
    }

    @Test
    void mutexHandsOverAndWaitGroupWakesWaiters() {
        SyncState mu = new SyncState(SyncState.Kind.MUTEX);
        assertThat(rt.lock(main, mu)).isTrue();
        Goroutine w = rt.go(main, FuncInfo.of("main.w", 32));
        assertThat(rt.lock(w, mu)).isFalse();
        assertThat(w.waitReason()).isEqualTo(WaitReason.SEMACQUIRE); // Go 1.19's wording
        rt.unlock(main, mu);
        assertThat(mu.locked()).isTrue(); // now held by w
        assertThat(w.status()).isEqualTo(GStatus.RUNNABLE);
        rt.unlock(w, mu);
        assertThatThrownBy(() -> rt.unlock(w, mu)).isInstanceOf(GoFatal.class)
                .hasMessage("sync: unlock of unlocked mutex");

        GoRuntime rt23 = new GoRuntime(Settings.defaults().withProfile(GoProfile.GO_1_23), EventSink.NONE);
        SyncState wg = new SyncState(SyncState.Kind.WAITGROUP);
        assertThat(rt23.wgAdd(rt23.main(), wg, 1)).isNull();
        Goroutine worker = rt23.go(rt23.main(), FuncInfo.of("main.worker", 32));
        assertThat(rt23.wgWait(rt23.main(), wg)).isFalse();
        assertThat(rt23.main().waitReason()).isEqualTo(WaitReason.SYNC_WAITGROUP_WAIT);
        assertThat(rt23.wgAdd(worker, wg, -1)).isNull(); // wg.Done()
        assertThat(rt23.main().status()).isEqualTo(GStatus.RUNNABLE);
        assertThat(rt23.wgAdd(worker, wg, -1)).isEqualTo("sync: negative WaitGroup counter");
    }
}
