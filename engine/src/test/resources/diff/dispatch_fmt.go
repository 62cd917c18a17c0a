// fmt calls the program's String and Error methods as real fmt does: Error before String; on
// operands and at every level it prints through (exported struct fields, slice and array
// elements, map keys and values, a pointer's target at the top level); never through unexported
// fields; pointer-receiver methods only on pointers; not for verbs like %d; and a method that
// panics is recovered ("<nil>" for a nil receiver, %!v(PANIC=...) otherwise).
package main

import (
	"fmt"
	"time"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Point struct{ X, Y int }

func (p *Point) String() string { return fmt.Sprintf("P(%d,%d)", p.X, p.Y) }

type Level int

func (l Level) String() string {
	names := []string{"low", "mid", "high"}
	return names[l]
}

type Reading struct {
	Where string
	T     Temp
	t     Temp
	P     *Point
	Q     Point
	L     Level
}

type Failure struct{ Code int }

func (f Failure) Error() string  { return fmt.Sprint("failure ", f.Code) }
func (f Failure) String() string { return "not this one" }

type Box struct {
	Err  error
	Name fmt.Stringer
}

type Calls int

func (c *Calls) String() string {
	*c = *c + 1
	return fmt.Sprint("call #", int(*c))
}

func main() {
	t := Temp(21.5)
	fmt.Println(t, &Point{1, 2}, Point{3, 4})
	r := &Reading{"kitchen", 20, 19, &Point{5, 6}, Point{7, 8}, 1}
	fmt.Println(r)
	fmt.Printf("%v|%+v\n", t, r)
	fmt.Printf("%s|%d|%q|%x|%X|%5.1f\n", t, Level(2), t, Level(0), Level(1), t)
	fmt.Println([]Temp{1, 2}, map[Level]Temp{0: 3, 2: 4}, []*Point{&Point{1, 1}})
	var e error = Failure{7}
	fmt.Println(e, Failure{8})
	fmt.Printf("[%10v][%-8s][%v]\n", t, Level(0), e)
	s := fmt.Sprint(t, "x", 1500*time.Millisecond, Level(1))
	fmt.Println(s, len(s))
	fmt.Print(fmt.Sprintln(t, Level(2)))
	fmt.Println(Box{Failure{1}, Level(1)}, Box{})
	fmt.Printf("%+v\n", Box{nil, t})
	var c Calls
	fmt.Println(&c, &c, c)
	fmt.Println(Level(5), "after")
	var np *Point
	fmt.Println(np)
	fmt.Printf("[%7v][%-6s]\n", np, np)
	var tp *Temp
	fmt.Println(tp, []fmt.Stringer{t, tp, nil})
	err := fmt.Errorf("reading %v: %w", t, Failure{3})
	fmt.Println(err)
	fmt.Printf("%#v %T %T\n", t, t, e)
}
