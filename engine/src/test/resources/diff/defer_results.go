// defer and named results: a deferred closure runs after the return statement has set the
// results, and may read and change them; results of a function that recovers are returned as
// they are.
package main

import (
	"errors"
	"fmt"
)

func double() (r int) {
	defer func() { r *= 2 }()
	return 21
}

func seesReturnValue() (s string) {
	defer func() { fmt.Println("deferred closure sees", s) }()
	return "set by return"
}

func twoResults() (n int, err error) {
	defer func() {
		if err != nil {
			n = -1
		}
	}()
	return 7, errors.New("failed")
}

func parse(s string) (n int, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	digits := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	for i := 0; i < len(s); i++ {
		n = n*10 + digits[int(s[i]-'0')]
	}
	return n, true
}

func unnamed() int {
	defer func() { recover() }()
	panic("lost")
}

func main() {
	fmt.Println("double", double())
	fmt.Println("return", seesReturnValue())
	n, err := twoResults()
	fmt.Println("twoResults", n, err)
	n, ok := parse("123")
	fmt.Println("parse 123", n, ok)
	n, ok = parse("12x4")
	fmt.Println("parse 12x4", n, ok)
	fmt.Println("unnamed", unnamed())
}
