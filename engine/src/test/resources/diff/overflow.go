// Lesson 1: a recursion whose 1 KiB buffer is really used dies at the default limit.
package main

var sink byte

func deep(n int) {
	var buf [1024]byte
	buf[n%1024] = byte(n)
	sink += buf[(n*7)%1024]
	if n > 0 {
		deep(n - 1)
	}
}

func main() {
	deep(4096 * 4096)
}
