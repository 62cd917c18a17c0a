// The library's interfaces (net.Conn, error) are dispatched like the program's: a nil one
// panics with a nil pointer dereference when a method is called on it.
package main

import (
	"fmt"
	"net"
)

func read(c net.Conn) int {
	buf := make([]byte, 16)
	if c == nil {
		fmt.Println("no connection yet")
	}
	n, err := c.Read(buf)
	if err != nil {
		return -1
	}
	return n
}

func main() {
	var err error
	fmt.Println(err == nil)
	var c net.Conn
	fmt.Println(read(c))
}
