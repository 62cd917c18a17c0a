// Integer widths, unsigned arithmetic, floats, strings and control flow, printed with fmt.
package main

import "fmt"

const big = 1 << 40

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	}
	return "odd"
}

func main() {
	var b byte = 250
	b += 10
	var i8 int8 = 127
	i8++
	var u uint32 = 0
	u--
	var u64 uint64 = 1<<64 - 1
	q, r := divmod(-7, 2)
	fmt.Println(b, i8, u, u64, q, r, big)
	fmt.Println(fib(20), classify(-3), classify(0), classify(4), classify(7))
	x := 3.0
	y := x / 4
	fmt.Println(x, y, x*1e6, 1/y, float64(7)/3)
	s := "héllo"
	fmt.Println(len(s), s[1], s+", world", s < "hz", s == "héllo")
	fmt.Printf("%d|%5d|%-5d|%05d|%x|%X|%o|%b\n", 42, 42, 42, 42, 255, 255, 8, 5)
	fmt.Printf("%s|%q|%v|%t|%.2f|%e|%g\n", s, s, 1.5, true, 3.14159, 123456.789, 0.000001)
	total := 0
	for k := 0; k < 10; k++ {
		if k == 3 {
			continue
		}
		if k == 8 {
			break
		}
		total += k
	}
	fmt.Println("total", total)
	println("to stderr", 42, true, 2.5)
}
