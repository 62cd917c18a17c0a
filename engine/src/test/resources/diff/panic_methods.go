// Panic values with the program's Error and String methods: recover returns the value itself
// (fmt calls Error), and an unrecovered panic prints each value through its method, called
// after the deferred calls ran (preprintpanics), also for the earlier, recovered panic.
package main

import "fmt"

type E struct{ code int }

func (e E) Error() string { fmt.Println("Error called"); return fmt.Sprint("code ", e.code) }

type S struct{ name string }

func (s *S) String() string { return "S:" + s.name }

func f() {
	defer fmt.Println("deferred in f")
	var err error = E{7}
	panic(err)
}

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		defer fmt.Println("second")
		panic(&S{"x"})
	}()
	f()
}
