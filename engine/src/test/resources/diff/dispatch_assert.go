// A type assertion to an interface type the dynamic type does not implement panics with the
// runtime's message, naming the first missing method; the comma-ok form reports it instead.
package main

import "fmt"

type Shape interface {
	Area() float64
	Name() string
}

type T struct{ n int }

func (t *T) Area() float64 { return float64(t.n) }
func (t *T) Name() string   { return "t" }

func main() {
	var x any = &T{2}
	s, ok := x.(Shape)
	fmt.Println(s.Area(), ok)
	var y any = T{3}
	_, ok = y.(Shape)
	fmt.Println(ok)
	var z any
	_, ok = z.(Shape)
	fmt.Println(ok)
	fmt.Println(y.(Shape).Name())
}
