// Interface values: any, type assertions (comma-ok and panicking), interface equality, fmt of interfaces.
package main

import "fmt"

type point struct{ X, Y int }

func describe(v any) string {
	if s, ok := v.(string); ok {
		return "string " + s
	}
	if n, ok := v.(int); ok {
		return fmt.Sprint("int ", n*2)
	}
	if p, ok := v.(*point); ok {
		return fmt.Sprint("point ", p.X+p.Y)
	}
	return fmt.Sprint("other ", v)
}

func main() {
	var things []any
	things = append(things, "hi", 21, &point{1, 2}, 2.5, nil, point{3, 4})
	for _, t := range things {
		fmt.Println(describe(t))
	}
	var a, b any = 7, 7
	fmt.Println(a == b, a != any(8), any(nil) == nil)
	fmt.Printf("%v %T %v\n", things[1], things[3], things[4])
	x := things[0].(int)
	fmt.Println(x)
}
