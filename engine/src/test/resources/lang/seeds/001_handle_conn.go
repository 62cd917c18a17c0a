// From seed 001: the "buffer-per-goroutine" trap and the stack warm-up. The article's loop
// body is elided ("// ..."); completed minimally with error handling and main.
package main

import "net"

func handleConn(c net.Conn) {
	buf := make([]byte, 64*1024) // 64 KB read buffer per connection
	for {
		n, err := c.Read(buf)
		if err != nil {
			return
		}
		_ = buf[:n]
	}
}

func warmupWorker() {
	// pre-grow stack to expected peak
	var pad [32 * 1024]byte
	_ = pad
}

func main() {
	warmupWorker()
	var c net.Conn
	if c != nil {
		handleConn(c)
	}
}
