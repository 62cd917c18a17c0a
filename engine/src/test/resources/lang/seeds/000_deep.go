// From seed 000 ("goroutine stack limits"), first program; complete as printed.
package main

func deep(n int) {
	var buf [1024]byte // 1 KB per frame
	buf[0] = byte(n)
	if n > 0 {
		deep(n - 1)
	}
}

func main() {
	deep(4096 * 4096) // Push for 1 GB stack with 16 million calls
}
