// From seed 003: escape analysis examples. The article shows two functions; completed
// minimally with a package clause and main.
package main

// does NOT escape: sum lives and dies in addUp → stack, no allocation
func addUp(xs []int) int {
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return sum
}

// DOES escape: the returned pointer outlives the frame → heap allocation
func newCounter() *int {
	c := 0
	return &c // -m prints: moved to heap: c
}

func main() {
	_ = addUp([]int{1, 2, 3})
	_ = newCounter()
}
