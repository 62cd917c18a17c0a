package main

import (
	"fmt"
	"sync"
	"time"
)

type result struct {
	id    int
	value string
}

func producer(out chan<- int, n int) {
	defer close(out)
	for i := 0; i < n; i++ {
		out <- i
	}
}

func consumer(in <-chan int, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for v := range in {
		results <- result{id: v, value: fmt.Sprint(v * v)}
	}
}

func main() {
	jobs := make(chan int, 8)
	results := make(chan result)
	done := make(chan struct{})
	var wg sync.WaitGroup
	go producer(jobs, 100)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go consumer(jobs, results, &wg)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	timeout := time.After(2 * time.Second)
	count := 0
	for {
		select {
		case r, ok := <-results:
			if !ok {
				fmt.Println("received", count)
				return
			}
			count++
			_ = r.value
		case <-timeout:
			fmt.Println("timeout")
			return
		case done <- struct{}{}:
		default:
			time.Sleep(time.Millisecond)
		}
	}
}

var mu sync.Mutex

func counter() func() int {
	c := 0
	return func() int {
		mu.Lock()
		defer mu.Unlock()
		c++
		return c
	}
}

func pipeline(xs ...int) <-chan int {
	out := make(chan int, len(xs))
	go func(vals []int) {
		for _, x := range vals {
			out <- x
		}
		close(out)
	}(xs)
	return out
}

func fanIn(chs ...<-chan int) []int {
	var all []int
	for _, ch := range chs {
		for range ch {
			all = append(all, 0)
		}
	}
	return all
}

func unused() {
	var c chan<- chan int
	var d <-chan <-chan int
	_, _ = c, d
	x := <-make(chan int, 1)
	_ = x
	v, ok := <-make(<-chan int)
	_, _ = v, ok
	nums := pipeline([]int{1, 2, 3}...)
	_ = fanIn(nums, pipeline(4))
	_ = counter()()
}
