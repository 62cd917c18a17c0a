// Tickers and timers on the clock: ticks counted over a window, ticks dropped while the
// receiver is slow (the channel holds one), Stop and Reset results, time.Tick and NewTimer.
package main

import (
	"fmt"
	"time"
)

const unit = 10 * time.Millisecond

func main() {
	start := time.Now()
	ticker := time.NewTicker(unit)
	timeout := time.After(55 * time.Millisecond)
	count := 0
loop:
	for {
		select {
		case <-ticker.C:
			count++
		case <-timeout:
			break loop
		}
	}
	ticker.Stop()
	fmt.Println("ticks in 55ms:", count)

	// A slow receiver: the channel keeps one tick and the ticker drops the others.
	slow := time.NewTicker(unit)
	start = time.Now()
	var got []int64
	for i := 0; i < 3; i++ {
		t := <-slow.C
		got = append(got, int64(t.Sub(start)/unit))
		time.Sleep(35 * time.Millisecond)
	}
	slow.Stop()
	fmt.Println("slow receiver got the ticks of:", got)

	// Reset changes the period of a running ticker.
	r := time.NewTicker(unit)
	<-r.C
	r.Reset(3 * unit)
	start = time.Now()
	t := <-r.C
	fmt.Println("after Reset:", int64(t.Sub(start)/unit))
	r.Stop()

	tm := time.NewTimer(unit)
	fmt.Println("stop pending timer:", tm.Stop())
	fmt.Println("stop again:", tm.Stop())
	fmt.Println("reset stopped timer:", tm.Reset(2*unit))
	<-tm.C
	fmt.Println("stop fired timer:", tm.Stop())
	fmt.Println("reset fired timer:", tm.Reset(unit))
	<-tm.C

	tick := time.Tick(unit)
	for i := 0; i < 3; i++ {
		<-tick
	}
	fmt.Println("three ticks from time.Tick; elapsed units:", int64(time.Since(start)/unit))
	fmt.Println(time.Tick(0) == nil)
}
