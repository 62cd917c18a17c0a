// Closures: captured counters, function values, goroutine closures sharing a mutex and an array, closures made in a loop, a nil func call.
package main

import (
	"fmt"
	"sync"
)

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(f func(int) int, x int) int {
	return f(x)
}

func double(x int) int {
	return x * 2
}

func main() {
	next := counter()
	next()
	next()
	fmt.Println(next(), apply(double, 21), apply(func(x int) int { return x + 1 }, 41))
	var wg sync.WaitGroup
	var mu sync.Mutex
	var hits [4]int
	total := 0
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer0 := w
			for i := 0; i < 100; i++ {
				mu.Lock()
				hits[w]++
				total += defer0 + 1
				mu.Unlock()
			}
			wg.Done()
		}(w)
	}
	wg.Wait()
	fmt.Println(hits, total)
	fns := []func() int{}
	for i := 0; i < 3; i++ {
		j := i
		fns = append(fns, func() int { return j * 10 })
	}
	for _, f := range fns {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var nilf func()
	nilf()
}
