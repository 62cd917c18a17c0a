// From seed 004 ("How Many Goroutines Can You Run in Go"): SpawnMany; complete as printed.
package main

import (
	"fmt"
	"sync"
)

// SpawnMany demonstrates creating a large number of lightweight goroutines.
func SpawnMany(count int) {
	var wg sync.WaitGroup
	// Add the count to the WaitGroup before launching goroutines.
	wg.Add(count)

	for i := 0; i < count; i++ {
		// Launch a new goroutine for each iteration.
		go func(id int) {
			// Defer ensures cleanup runs when the goroutine finishes.
			defer wg.Done()
			fmt.Printf("Goroutine %d running\n", id)
		}(i)
	}

	// Block until all goroutines call Done().
	wg.Wait()
	fmt.Println("All finished")
}

func main() {
	// Start with ten thousand concurrent tasks.
	SpawnMany(10000)
}
