package main

//go:noinline
func a(n int) {
	if n > 0 {
		a(n - 1)
	}
}

//go:noinline
func b(n int) {
	if n > 0 {
		b(n - 1)
	}
	println(n)
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

//go:noinline
func c(n int, s string) int {
	if n > 0 {
		return c(n-1, s) + len(s)
	}
	return 0
}

//go:noinline
func d(n int, m int) {
	for i := 0; i < n; i++ {
		a(i)
	}
}

//go:noinline
func e(n int) int {
	x := n * 2
	a(n)
	return x
}

func deep(n int) {
	var buf [1024]byte
	buf[0] = byte(n)
	if n > 0 {
		deep(n - 1)
	}
}

func main() {
	a(3)
	b(3)
	println(fib(10), c(3, "ab"))
	d(3, 4)
	println(e(3))
	deep(3)
}
