// Dynamic dispatch: the program's own types behind interfaces it declares, value and pointer
// receivers in the method sets of T and *T, interfaces embedding interfaces, interface values
// passed around, stored in slices and maps, and converted between interface types.
package main

import "fmt"

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Name() string
}

type NamedShape interface {
	Shape
	Named
}

type Circle struct{ R float64 }

func (c Circle) Area() float64      { return 3 * c.R * c.R }
func (c Circle) Perimeter() float64 { return 6 * c.R }
func (c Circle) Name() string       { return "circle" }

type Rect struct{ W, H float64 }

func (r *Rect) Area() float64      { return r.W * r.H }
func (r *Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r *Rect) Name() string       { return "rect" }
func (r *Rect) Scale(k float64)    { r.W *= k; r.H *= k }

type Square int

func (s Square) Area() float64      { return float64(s * s) }
func (s Square) Perimeter() float64 { return float64(4 * s) }
func (s Square) Name() string       { return fmt.Sprint("square ", int(s)) }

type Tri [3]float64

func (t Tri) Area() float64      { return t[0] * t[1] / 2 }
func (t Tri) Perimeter() float64 { return t[0] + t[1] + t[2] }

func tri(a, b, c float64) Tri {
	var t Tri
	t[0], t[1], t[2] = a, b, c
	return t
}

func total(shapes []Shape) (area, perim float64) {
	for _, s := range shapes {
		area += s.Area()
		perim += s.Perimeter()
	}
	return area, perim
}

func describe(n NamedShape) string {
	return fmt.Sprintf("%s: area %.2f, perimeter %.2f", n.Name(), n.Area(), n.Perimeter())
}

func biggest(shapes []Shape) Shape {
	var best Shape
	for _, s := range shapes {
		if best == nil || s.Area() > best.Area() {
			best = s
		}
	}
	return best
}

func main() {
	r := &Rect{2, 3}
	shapes := []Shape{Circle{1}, r, Square(4), tri(3, 4, 5)}
	a, p := total(shapes)
	fmt.Println(a, p)
	r.Scale(2)
	a, p = total(shapes)
	fmt.Println(a, p)
	for _, s := range shapes {
		if n, ok := s.(NamedShape); ok {
			fmt.Println(describe(n))
		} else {
			fmt.Printf("%T has no name\n", s)
		}
	}
	var n Named = Square(2)
	fmt.Println(n.Name())
	byName := map[string]NamedShape{"c": Circle{2}, "r": &Rect{1, 1}}
	fmt.Println(byName["c"].Area(), byName["r"].Name())
	fmt.Println(biggest([]Shape{Circle{1}, Square(2), &Rect{1, 5}}).Area())
	var s Shape = Square(3)
	var any1 any = s
	s2 := any1.(Shape)
	fmt.Println(s2.Perimeter(), s2 == s)
	for i := 0; i < 3; i++ {
		var sh Shape
		if i%2 == 0 {
			sh = Circle{float64(i)}
		} else {
			sh = &Rect{float64(i), 2}
		}
		fmt.Println(i, sh.Area())
	}
}
