// strconv.Atoi's results and *NumError messages (wrapping ErrSyntax or ErrRange), Itoa, and
// the allocations both make.
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
)

func stats() (uint64, uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs, m.TotalAlloc
}

var sink string
var esink error

func main() {
	for _, s := range []string{"42", "-17", "+8", "", "-", "12a", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-99999999999999999999", "123456789012345678"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err, errors.Is(err, strconv.ErrSyntax), errors.Is(err, strconv.ErrRange))
	}
	fmt.Printf("%T\n", func() error { _, e := strconv.Atoi("x"); return e }())
	for _, v := range []int{0, 7, 99, 100, -1, 123456789} {
		fmt.Print(strconv.Itoa(v), " ")
	}
	fmt.Println()
	m0, t0 := stats()
	sink = strconv.Itoa(12345678901234567)
	m1, t1 := stats()
	fmt.Println(m1-m0, t1-t0)
	m0, t0 = stats()
	_, esink = strconv.Atoi("this is not a number at all")
	m1, t1 = stats()
	fmt.Println(m1-m0, t1-t0)
}
