// Type switches with every clause form: several types in one case (the variable keeps the
// interface type), a single concrete type (the variable has that type), interface types, nil,
// default, a switch without a variable, an init statement, break, and the order of cases.
package main

import (
	"errors"
	"fmt"
	"time"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1fC", float64(c)) }

type Point struct{ X, Y int }

type Walker interface{ Walk() int }

type Dog struct{ legs int }

func (d *Dog) Walk() int { return d.legs }

func kind(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int8, uint:
		return fmt.Sprintf("some integer %v (%T)", v, v)
	case string:
		return "string of length " + fmt.Sprint(len(v))
	case bool:
		if v {
			return "yes"
		}
		return "no"
	case Celsius:
		return "temperature " + (v + 1).String()
	case fmt.Stringer:
		return "stringer " + v.String()
	case error:
		return "error " + v.Error()
	case Point:
		v.X++
		return fmt.Sprint("point ", v.X+v.Y)
	case *Point:
		v.X = 100
		return "pointer to point"
	case Walker:
		return fmt.Sprint("walks on ", v.Walk())
	case []int:
		return fmt.Sprint("ints ", len(v), cap(v))
	case func() int:
		return fmt.Sprint("func giving ", v())
	default:
		return fmt.Sprintf("something else: %T", v)
	}
}

func main() {
	p := &Point{1, 2}
	values := []any{nil, 7, int8(-3), uint(9), "héllo", true, false, Celsius(20.5),
		5 * time.Second, errors.New("bad"), Point{3, 4}, p, &Dog{4}, Dog{2}, []int{1, 2},
		func() int { return 42 }, 2.5, map[string]int{}}
	for _, v := range values {
		fmt.Println(kind(v))
	}
	fmt.Println(p.X)

	var err error = fmt.Errorf("wrapped: %w", errors.New("inner"))
	switch err.(type) {
	case nil:
		fmt.Println("no error")
	case fmt.Stringer:
		fmt.Println("stringer")
	default:
		fmt.Println("some error:", err)
	}

	count := 0
	for i := 0; i < 6; i++ {
		switch v := any(i * i).(type) {
		case int:
			if v > 10 {
				break
			}
			count += v
		}
	}
	fmt.Println(count)

	switch x := any(Celsius(3)); y := x.(type) {
	case fmt.Stringer, error:
		fmt.Printf("%T %v\n", y, y)
	}
	var w Walker
	switch w.(type) {
	case *Dog:
		fmt.Println("dog")
	case nil:
		fmt.Println("nil walker")
	}
}
