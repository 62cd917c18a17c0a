// A deferred function that recovers and panics again: Go prints the first panic marked
// [recovered], then the second one.
package main

import "fmt"

func cleanup() {
	if r := recover(); r != nil {
		fmt.Println("cleanup saw:", r)
		panic(fmt.Sprint("cleanup failed after ", r))
	}
}

func work() {
	defer cleanup()
	var m map[string]bool
	m["x"] = true
}

func main() {
	defer fmt.Println("main's deferred call still runs")
	work()
}
