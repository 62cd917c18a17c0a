// From seed 004: MonitorGoroutines; complete as printed.
package main

import (
	"fmt"
	"runtime"
	"time"
)

// MonitorGoroutines prints the active goroutine count periodically.
func MonitorGoroutines(interval time.Duration) {
	ticker := time.NewTicker(interval)
	// Always stop the ticker when the function returns to prevent leaks.
	defer ticker.Stop()

	for range ticker.C {
		// NumGoroutine returns a point-in-time count.
		count := runtime.NumGoroutine()
		fmt.Printf("Active goroutines: %d\n", count)
	}
}

func main() {
	// Start a background monitor that runs forever.
	go MonitorGoroutines(5 * time.Second)
	// Keep the main goroutine alive for demonstration.
	time.Sleep(30 * time.Second)
}
