// Interface comparison: equal when the dynamic types are identical and the values equal;
// pointers compare by address; a typed nil pointer in an interface is not a nil interface;
// interfaces compare with concrete values; and distinct interface types compare by content.
package main

import (
	"errors"
	"fmt"
)

type Key struct {
	A string
	B int
}

type MyErr struct{ msg string }

func (e *MyErr) Error() string { return e.msg }

type Code int

func (c Code) Error() string { return fmt.Sprint("code ", int(c)) }

func mayFail(fail bool) error {
	var e *MyErr
	if fail {
		e = &MyErr{"failed"}
	}
	return e // a typed nil when not failing: never == nil
}

func mayFailRight(fail bool) error {
	if fail {
		return &MyErr{"failed"}
	}
	return nil
}

func main() {
	var a, b any = Key{"x", 1}, Key{"x", 1}
	fmt.Println(a == b, a != Key{"x", 2}, a == any(Key{"y", 1}))
	var c, d any = 3, int64(3)
	fmt.Println(c == d, c == 3, d == int64(3))
	p1, p2 := &Key{"p", 1}, &Key{"p", 1}
	var x, y any = p1, p2
	fmt.Println(x == y, x == any(p1))
	err := mayFail(false)
	fmt.Println(err == nil, err != nil)
	fmt.Printf("%T %v\n", err, err == (*MyErr)(nil))
	fmt.Println(mayFailRight(false) == nil, mayFail(true) == nil)
	var e1 error = Code(1)
	var e2 error = Code(1)
	var e3 error = Code(2)
	fmt.Println(e1 == e2, e1 == e3, e1 == Code(1))
	s1 := errors.New("same text")
	s2 := errors.New("same text")
	fmt.Println(s1 == s2, s1 == s1)
	var st fmt.Stringer
	var an any = st
	fmt.Println(an == nil, st == nil)
	m := map[any]string{}
	m[Key{"k", 1}] = "struct"
	m[Code(1)] = "code"
	m[1] = "int"
	m["1"] = "string"
	fmt.Println(len(m), m[Key{"k", 1}], m[Code(1)], m[1], m["1"])
	var ifs []error
	ifs = append(ifs, Code(5), nil, &MyErr{"m"})
	for _, e := range ifs {
		fmt.Println(e == nil, e == Code(5))
	}
}
