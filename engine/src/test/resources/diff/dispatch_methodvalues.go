// Method values bind their receiver when they are made (a copy for value receivers, the
// pointer for pointer receivers, the interface value for interface methods); method expressions
// take the receiver as their first argument, through gc's wrappers where the types differ;
// both work as ordinary function values (passed, stored, started as goroutines). Making a
// method value from a nil interface panics at once.
package main

import (
	"fmt"
	"strings"
)

type Counter struct{ n int }

func (c *Counter) Inc() int      { c.n++; return c.n }
func (c Counter) Get() int       { return c.n }
func (c Counter) Add(k int) int  { return c.n + k }

type Celsius float64

func (t Celsius) F() float64 { return float64(t)*9/5 + 32 }

type Shape interface{ Area() float64 }
type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

type Wrapped struct {
	Counter
	name string
}

func apply(f func() int, times int) int {
	r := 0
	for i := 0; i < times; i++ {
		r = f()
	}
	return r
}

func main() {
	c := &Counter{}
	inc := c.Inc
	fmt.Println(apply(inc, 3), c.n)
	get := c.Get // receiver copied now
	c.Inc()
	fmt.Println(get(), c.Get())
	add := (*c).Add
	fmt.Println(add(10))
	f := Celsius(100).F
	fmt.Println(f())
	var s Shape = Sq{3}
	area := s.Area
	s = Sq{4}
	fmt.Println(area(), s.Area())
	g := Counter.Get
	h := (*Counter).Inc
	k := (*Counter).Get
	fmt.Println(g(Counter{7}), h(c), k(c), c.n)
	ar := Shape.Area
	fmt.Println(ar(Sq{5}))
	w := &Wrapped{Counter{40}, "w"}
	wi := w.Inc
	wi()
	fmt.Println(w.n, Wrapped.Get(*w))
	fmt.Println((*Wrapped).Inc(w))
	fns := []func() int{c.Get, w.Get, inc}
	for _, fn := range fns {
		fmt.Print(fn(), " ")
	}
	fmt.Println()
	fmt.Println(strings.ToUpper("x"))
	done := make(chan int)
	go func() { done <- apply(c.Inc, 2) }()
	fmt.Println(<-done)
	var none Shape
	fmt.Println("making a method value of a nil interface")
	bad := none.Area
	fmt.Println(bad())
}
