// An unrecovered panic whose value has an Error method, which itself panics: preprintpanics
// recovers that panic in a deferred call and throws (runtime/panic.go, Go 1.19).
package main

import "fmt"

type E struct{}

func (e *E) Error() string { panic("inside Error") }

func main() {
	defer fmt.Println("d")
	panic(&E{})
}
