// A run-time panic: an index out of range.
package main

import "fmt"

func main() {
	var a [3]int
	n := 5
	a[n%4] = 1
	fmt.Println(a[0], a[1], a[2])
	fmt.Println(a[n])
}
