// context deadlines on the clock: WithTimeout racing a worker in a select, a deadline already
// past, nested deadlines, cancel before the deadline, and the goroutine the timer starts.
package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"
)

func work(ctx context.Context, d time.Duration) error {
	done := make(chan error, 1)
	go func() {
		time.Sleep(d)
		done <- nil
	}()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case err := <-done:
		return err
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	fmt.Println("slow worker:", work(ctx, 200*time.Millisecond))
	fmt.Println(errors.Is(ctx.Err(), context.DeadlineExceeded), ctx.Err() == context.DeadlineExceeded)
	fmt.Printf("%T %T\n", ctx.Err(), context.Canceled)
	cancel()
	fmt.Println("cancel after the deadline keeps the error:", ctx.Err())

	ctx2, cancel2 := context.WithTimeout(context.Background(), 200*time.Millisecond)
	fmt.Println("fast worker:", work(ctx2, 20*time.Millisecond))
	cancel2()
	fmt.Println("canceled before the deadline:", ctx2.Err())

	past, cancelPast := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	fmt.Println("deadline in the past:", past.Err())
	cancelPast()

	outer, cancelOuter := context.WithTimeout(context.Background(), 30*time.Millisecond)
	inner, cancelInner := context.WithTimeout(outer, time.Hour)
	waiter := make(chan string)
	go func() {
		<-inner.Done()
		waiter <- fmt.Sprint("inner done: ", inner.Err())
	}()
	start := time.Now()
	fmt.Println(<-waiter)
	fmt.Println("after about 30ms:", time.Since(start) >= 30*time.Millisecond, time.Since(start) < 40*time.Millisecond)
	fmt.Println(outer.Err(), inner.Err())
	cancelInner()
	cancelOuter()

	// Canceled early: its timer is stopped and never starts the goroutine that would cancel it.
	before := runtime.NumGoroutine()
	short, cancelShort := context.WithTimeout(context.Background(), 10*time.Millisecond)
	cancelShort()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("goroutines:", before, runtime.NumGoroutine(), short.Err())

	// Many waiters on one deadline all wake.
	shared, cancelShared := context.WithTimeout(context.Background(), 15*time.Millisecond)
	results := make(chan error)
	for i := 0; i < 4; i++ {
		go func() {
			<-shared.Done()
			results <- shared.Err()
		}()
	}
	for i := 0; i < 4; i++ {
		fmt.Println(<-results)
	}
	cancelShared()
	select {
	case <-shared.Done():
		fmt.Println("done stays closed")
	default:
		fmt.Println("not closed")
	}
}
