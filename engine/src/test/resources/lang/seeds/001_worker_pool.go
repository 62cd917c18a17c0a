// From seed 001 ("Goroutine Stack Growth - Senior Level"): the goroutine-per-item loop and
// the worker pool that replaces it. The article gives fragments; completed minimally with a
// package clause, imports, the Item type, process, and main. The article's
// `const workers = runtime.GOMAXPROCS(0)` is kept: it parses (the checker will reject a
// non-constant initializer), so it is here as written.
package main

import (
	"runtime"
	"sync"
)

type Item int

func process(it Item) {
	_ = it * 2
}

func perItem(items []Item) {
	for _, item := range items {
		go process(item)
	}
}

func pool(items []Item) {
	const workers = runtime.GOMAXPROCS(0)
	ch := make(chan Item, workers*2)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range ch {
				process(it)
			}
		}()
	}
	for _, it := range items {
		ch <- it
	}
	close(ch)
	wg.Wait()
}

func main() {
	items := make([]Item, 100)
	perItem(items)
	pool(items)
}
