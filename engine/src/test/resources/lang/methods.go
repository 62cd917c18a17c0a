package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

type (
	Celsius float64
	Reader  = io.Reader
	Shape   interface {
		Area() float64
		Perimeter() float64
	}
	Named interface {
		fmt.Stringer
		Shape
		Name() string
	}
)

type Point struct{ X, Y int }

type Rect struct {
	Point         // embedded value
	*strings.Builder
	W, H  float64 `json:"w,omitempty"`
	tags  map[string][]string
	next  *Rect
	onDraw func(r *Rect) error
}

func (r Rect) Area() float64      { return r.W * r.H }
func (r *Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (Rect) Name() string         { return "rect" }
func (r *Rect) String() string    { return fmt.Sprintf("%v %v", r.X, r.Y) }

func (c Celsius) Fahrenheit() Celsius { return c*9/5 + 32 }

type any2 = any

var ErrEmpty = errors.New("empty")

func describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return "integer"
	case *Rect:
		return x.Name()
	case []Point, map[string]int:
		return "collection"
	case func() error:
		return "thunk"
	case error:
		return x.Error()
	case interface{ Area() float64 }:
		return "shape"
	default:
		return fmt.Sprint(x)
	}
}

func kind(v any) {
	switch v.(type) {
	case chan int:
	}
	if s, ok := v.(fmt.Stringer); ok {
		fmt.Println(s.String())
	}
	var sh Shape = &Rect{W: 2, H: 3}
	fmt.Println(sh.Area(), describe(sh), (*Rect).Perimeter, Rect.Area)
	p := &Point{1, 2}
	p.X += 10
	q := (*p).Y
	_ = q
}

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const (
	_          = iota
	Low, High  = iota * 10, iota * 100
	Mid, Top
	typed int8 = -1
)

func main() {
	kind(Celsius(100).Fahrenheit())
	fmt.Println(KB, MB, GB, Low, High, Mid, Top, typed, ErrEmpty)
}
