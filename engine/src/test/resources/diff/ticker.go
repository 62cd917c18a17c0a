// Tickers and timers on the clock: ticks counted over a window, ticks dropped while the
// receiver is slow (the channel holds one), Stop and Reset results, time.Tick and NewTimer.
package main

import (
	"fmt"
	"time"
)

// A unit of 25ms leaves real Go's timers 12ms of slack on a busy machine at every boundary.
const unit = 25 * time.Millisecond

func main() {
	start := time.Now()
	ticker := time.NewTicker(unit)
	timeout := time.After(unit * 11 / 2)
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
	fmt.Println("ticks in 5.5 units:", count)

	// A slow receiver: the channel keeps one tick and the ticker drops the others.
	slow := time.NewTicker(unit)
	start = time.Now()
	var got []int64
	for i := 0; i < 3; i++ {
		t := <-slow.C
		got = append(got, int64(t.Sub(start)/unit))
		time.Sleep(unit * 7 / 2)
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
	// 9 units on the virtual clock; real Go's timers fire late under load, never early.
	fmt.Println("three ticks from time.Tick; at least 9 units since Reset:", time.Since(start) >= 9*unit)
	fmt.Println(time.Tick(0) == nil)
}
