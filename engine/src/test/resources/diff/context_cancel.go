// context: cancel functions (idempotent), cancellation reaching children and grandchildren,
// Err and errors.Is, Done as a closed channel, goroutines parked on <-ctx.Done(), values and
// deadlines, String, and the heap objects each call makes.
package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"
)

type key string

func stats() (uint64, uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs, m.TotalAlloc
}

func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

func main() {
	bg := context.Background()
	fmt.Println(bg, context.TODO(), bg.Done() == nil, bg.Err())
	if _, ok := bg.Deadline(); !ok {
		fmt.Println("background has no deadline")
	}

	m0, t0 := stats()
	tctx, tcancel := context.WithTimeout(bg, time.Hour)
	m1, t1 := stats()
	fmt.Println("WithTimeout:", m1-m0, t1-t0)
	d, ok := tctx.Deadline()
	fmt.Println("deadline in about an hour:", ok, time.Until(d) > 59*time.Minute, time.Until(d) <= time.Hour)
	inner, innerCancel := context.WithTimeout(tctx, 2*time.Hour)
	d2, _ := inner.Deadline()
	fmt.Println("inner keeps the outer deadline:", d2 == d)
	innerCancel()
	tcancel()
	fmt.Println(tctx.Err(), inner.Err())

	m0, t0 = stats()
	parent, cancelParent := context.WithCancel(bg)
	m1, t1 = stats()
	fmt.Println("WithCancel:", m1-m0, t1-t0)
	m0, t0 = stats()
	done := parent.Done()
	m1, t1 = stats()
	fmt.Println("first Done:", m1-m0, t1-t0, done == parent.Done())
	m0, t0 = stats()
	child, cancelChild := context.WithCancel(parent)
	m1, t1 = stats()
	fmt.Println("child (children map made):", m1-m0, t1-t0)
	grandchild, cancelGrandchild := context.WithCancel(child)
	sibling, cancelSibling := context.WithCancel(parent)
	fmt.Println(parent, grandchild)

	var wg sync.WaitGroup
	var mu sync.Mutex
	woken := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			<-grandchild.Done()
			mu.Lock()
			woken++
			mu.Unlock()
			wg.Done()
		}()
	}
	time.Sleep(time.Millisecond)
	fmt.Println("before cancel:", isClosed(grandchild.Done()), grandchild.Err(), runtime.NumGoroutine())

	cancelSibling()
	fmt.Println("sibling:", sibling.Err(), "parent:", parent.Err())

	cancelParent()
	wg.Wait()
	fmt.Println("woken:", woken, isClosed(child.Done()), isClosed(grandchild.Done()))
	fmt.Println(child.Err(), grandchild.Err(), errors.Is(grandchild.Err(), context.Canceled),
		grandchild.Err() == context.Canceled, errors.Is(grandchild.Err(), context.DeadlineExceeded))
	cancelParent()
	cancelChild()
	cancelGrandchild()
	fmt.Println("cancel again:", parent.Err())

	// A child of a canceled context is canceled at once and never gets a channel of its own.
	late, cancelLate := context.WithCancel(parent)
	fmt.Println("late child:", late.Err(), isClosed(late.Done()))
	cancelLate()

	// Canceled before anyone asked for Done: Done is the package's closed channel.
	quick, cancelQuick := context.WithCancel(bg)
	cancelQuick()
	m0, t0 = stats()
	qd := quick.Done()
	m1, t1 = stats()
	fmt.Println("Done after cancel:", isClosed(qd), m1-m0, t1-t0)

	m0, t0 = stats()
	v1 := context.WithValue(bg, key("user"), "gopher")
	m1, t1 = stats()
	fmt.Println("WithValue:", m1-m0, t1-t0)
	v2 := context.WithValue(v1, key("role"), "admin")
	c3, cancel3 := context.WithCancel(v2)
	fmt.Println(c3.Value(key("user")), c3.Value(key("role")), c3.Value(key("none")), c3.Value("user"))
	fmt.Println(v1)
	cancel3()
	fmt.Println(v2.Err(), c3.Err())

	var nilCtx context.Context
	context.WithCancel(nilCtx)
}
