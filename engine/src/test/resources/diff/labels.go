// Labeled break and continue out of nested loops and a switch.
package main

import "fmt"

func main() {
	found := 0
outer:
	for i := 0; i < 10; i++ {
		for j := 0; j < 10; j++ {
			if j > i {
				continue outer
			}
			if i*j == 42 {
				found = i*100 + j
				break outer
			}
		}
	}
	n := 0
loop:
	for {
		switch {
		case n > 5:
			break loop
		default:
			n++
		}
	}
	fmt.Println(found, n)
}
