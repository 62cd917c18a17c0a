// From seed 004: FetchWithTimeout with context cancellation and select; complete as printed.
package main

import (
	"context"
	"fmt"
	"time"
)

// FetchWithTimeout simulates a network call that respects cancellation.
func FetchWithTimeout(ctx context.Context, url string) error {
	// Create a channel to receive the simulated result.
	done := make(chan error, 1)

	go func() {
		// Simulate a slow downstream service.
		time.Sleep(2 * time.Second)
		done <- nil
	}()

	select {
	case <-ctx.Done():
		// The caller cancelled. Return immediately.
		return ctx.Err()
	case err := <-done:
		// The work finished. Return the result.
		return err
	}
}

func main() {
	// Set a strict deadline for the operation.
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()

	err := FetchWithTimeout(ctx, "https://example.com/data")
	fmt.Printf("Result: %v\n", err)
}
