// Calling a method on a nil interface value is Go's nil pointer dereference.
package main

import "fmt"

type Shape interface{ Area() float64 }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

func area(s Shape) float64 {
	return s.Area()
}

func main() {
	fmt.Println(area(Circle{2}))
	var s Shape
	fmt.Println(area(s))
}
