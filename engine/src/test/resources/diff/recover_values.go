// recover: a deferred function stops a panic and gets its value; recover called anywhere else
// (not directly by the deferred function, or with no panic) returns nil, and a recovered
// function returns normally to its caller.
package main

import (
	"errors"
	"fmt"
)

type Celsius float64
type Code int
type Name string

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: recovered %v (%T)\n", name, r, r)
	}()
	f()
	fmt.Println(name, "returned normally")
}

func helperRecover() any { return recover() }

func recoverInHelper(tag string) {
	fmt.Println(tag, "helper called by the wrapper recovers", recover())
}

func main() {
	try("string", func() { panic("boom") })
	try("int", func() { panic(42) })
	try("named", func() { panic(Code(7)) })
	try("float", func() { panic(Celsius(36.6)) })
	try("error", func() { panic(errors.New("an error value")) })
	try("wrapped", func() { panic(fmt.Errorf("context: %w", errors.New("cause"))) })
	try("nothing", func() {})
	try("not direct", func() {
		defer func() { fmt.Println("helper sees", helperRecover()) }()
		panic("still caught below")
	})
	try("defer recover()", func() {
		defer recover()
		panic("recover deferred directly does not stop it")
	})
	try("wrapper", func() {
		defer recoverInHelper("deferred with an argument:")
		panic(Name("gone"))
	})
	fmt.Println("outside a panic", recover())
}
