// fmt calling a String method that panics: the method's own deferred calls run first, then fmt
// recovers the panic as its deferred catchPanic does and prints %!v(PANIC=String method: ...);
// the caller's deferred recover then finds no panic. A recovered runtime error from an
// assertion is still an error value whose Error method an interface call reaches.
package main

import "fmt"

type T struct{ n int }

func (t T) String() string {
	defer fmt.Println("String's deferred call runs, n =", t.n)
	if t.n == 0 {
		panic("zero")
	}
	return fmt.Sprint("T", t.n)
}

type P struct{ name string }

func (p *P) String() string { return "P " + p.name }

func describe(v any) (s string) {
	defer func() {
		if r := recover(); r != nil {
			if err, ok := r.(error); ok {
				s = "recovered error: " + err.Error()
			}
		}
	}()
	return v.(fmt.Stringer).String()
}

func main() {
	fmt.Println(T{1}, T{0}, T{2})
	var p *P
	fmt.Println(p)
	fmt.Println(&P{"named"})
	func() {
		defer func() { fmt.Println("recover in main's literal:", recover()) }()
		fmt.Printf("%v|%s\n", T{0}, T{3})
	}()
	fmt.Println(describe(T{4}))
	fmt.Println(describe(42))
	s := fmt.Sprintf("%v", []T{T{5}, T{0}})
	fmt.Println(s)
}
