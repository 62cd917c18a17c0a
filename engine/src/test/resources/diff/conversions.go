// Conversions between strings, byte slices and rune slices: values, capacities, and the heap
// allocations gc's runtime makes for them (stringtoslicebyte, slicebytetostring, ...). Sizes
// stay at 16 bytes or more: the model has no tiny allocator.
package main

import (
	"fmt"
	"runtime"
)

var sinkB []byte
var sinkR []rune
var sinkS string

func mallocs() (uint64, uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs, m.TotalAlloc
}

func report(what string, m0, b0 uint64) {
	m1, b1 := mallocs()
	fmt.Printf("%-28s mallocs %d bytes %d\n", what, m1-m0, b1-b0)
}

func main() {
	short := "hello, gopher"
	long := "a string that is longer than thirty-two bytes"
	utf := "héllo, 世界 ✓"

	m, b := mallocs()
	local := []byte(short)
	report("[]byte(short) local", m, b)
	fmt.Println(len(local), cap(local), local)

	m, b = mallocs()
	sinkB = []byte(short)
	report("[]byte(short) escapes", m, b)
	fmt.Println(len(sinkB), cap(sinkB))

	m, b = mallocs()
	big := []byte(long)
	report("[]byte(long) local", m, b)
	fmt.Println(len(big), cap(big))

	m, b = mallocs()
	konst := []byte("abc")
	report("[]byte(const) local", m, b)
	konst = append(konst, 'd')
	fmt.Println(string(konst), len(konst), cap(konst))

	m, b = mallocs()
	sinkB = []byte("constant escapes")
	report("[]byte(const) escapes", m, b)
	fmt.Println(len(sinkB), cap(sinkB))

	m, b = mallocs()
	sinkS = string(big)
	report("string(long) escapes", m, b)
	fmt.Println(sinkS)

	m, b = mallocs()
	sinkS = string(local[:1])
	report("string(1 byte)", m, b)
	fmt.Println(sinkS)

	m, b = mallocs()
	s2 := string(local)
	report("string(short) local", m, b)
	if s2 == "hello, gopher" {
		fmt.Println("equal")
	}

	m, b = mallocs()
	runes := []rune(utf)
	report("[]rune(utf) local", m, b)
	fmt.Println(len(utf), len(runes), cap(runes), runes[1], runes[8])

	m, b = mallocs()
	sinkR = []rune(utf)
	report("[]rune(utf) escapes", m, b)
	fmt.Println(len(sinkR), cap(sinkR))

	m, b = mallocs()
	sinkS = string(sinkR)
	report("string(runes) escapes", m, b)
	fmt.Println(sinkS)

	// string(rune) takes 4 bytes from the tiny allocator, which the model does not have.
	r := rune(0x4e16)
	sinkS = string(r)
	fmt.Println(sinkS, len(sinkS))

	bad := []byte{0xff, 'a', 0xe4, 0xb8}
	fmt.Println(len([]rune(string(bad))), []rune(string(bad)))
	fmt.Println(string([]rune{-1, 0x110000, 0xd800, 'z'}))
	var n uint8 = 200
	fmt.Println(string(rune(n)), len(string(rune(n))))
	for i, c := range []byte(short) {
		fmt.Print(i, ":", c, " ")
	}
	fmt.Println()
	var empty []byte
	fmt.Printf("%q %d\n", string(empty), len([]byte("")))
}
