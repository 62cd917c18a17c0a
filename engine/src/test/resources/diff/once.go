// sync.Once: the function runs once however many goroutines call Do; a caller that arrives
// while it runs waits for it to finish; Do with a different function after that does nothing.
package main

import (
	"fmt"
	"sync"
	"time"
)

var once sync.Once
var config map[string]int

func load() {
	fmt.Println("loading")
	time.Sleep(10 * time.Millisecond) // callers arriving now wait on the Once's mutex
	config = map[string]int{"workers": 4}
}

type server struct {
	init  sync.Once
	ready bool
}

func (s *server) start() {
	s.init.Do(func() {
		s.ready = true
		fmt.Println("server started")
	})
}

func main() {
	var wg sync.WaitGroup
	results := make([]int, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			once.Do(load)
			results[i] = config["workers"]
			wg.Done()
		}(i)
	}
	wg.Wait()
	fmt.Println(results)

	calls := 0
	var local sync.Once
	for i := 0; i < 3; i++ {
		local.Do(func() { calls++ })
	}
	local.Do(func() { calls += 100 })
	fmt.Println("calls:", calls)

	s := &server{}
	s.start()
	s.start()
	fmt.Println("ready:", s.ready)
}
