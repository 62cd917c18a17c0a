// defer: deferred calls run last in, first out when the function returns; the function value,
// receiver and arguments are evaluated at the defer statement, a closure reads variables when it
// runs; a defer in a loop defers one call per iteration.
package main

import "fmt"

type T struct{ name string }

func (t T) value(tag string)    { fmt.Println("value receiver", t.name, tag) }
func (t *T) pointer(tag string) { fmt.Println("pointer receiver", t.name, tag) }

func trace(s string) string {
	fmt.Println("entering", s)
	return s
}

func un(s string) { fmt.Println("leaving", s) }

func nested() {
	defer un(trace("nested"))
	fmt.Println("in nested")
}

func order() {
	x := 1
	defer fmt.Println("argument evaluated at defer:", x)
	defer func() { fmt.Println("closure reads x when it runs:", x) }()
	f := func(tag string) { fmt.Println("first function value", tag) }
	defer f("f")
	f = func(tag string) { fmt.Println("second function value", tag) }
	x = 2
	t := &T{"before"}
	defer t.value("deferred")
	defer t.pointer("deferred")
	t.name = "after"
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop iteration", i)
	}
	for i := 0; i < 2; i++ {
		defer func(n int) { fmt.Println("closure argument", n, "x", x) }(i * 10)
	}
	x = 3
	fmt.Println("order returns")
}

func counted(n int) (calls int) {
	for i := 0; i < n; i++ {
		defer func() { calls++ }()
	}
	return 0
}

func main() {
	order()
	nested()
	fmt.Println("counted", counted(5))
}
