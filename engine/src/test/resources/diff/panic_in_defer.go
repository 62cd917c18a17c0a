// A panic inside a deferred call while panicking replaces the first panic; the remaining
// deferred calls still run, and Go prints both panics.
package main

import "fmt"

func main() {
	defer fmt.Println("outer deferred call runs last")
	defer func() {
		panic("second")
	}()
	defer fmt.Println("runs first")
	panic("first")
}
