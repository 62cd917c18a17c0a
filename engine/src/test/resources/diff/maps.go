// Maps: literals, lookups with ok, ++ on entries, delete, range, a map of pointers kept across a GC, a nil-map write.
package main

import (
	"fmt"
	"runtime"
)

type node struct{ id int }

func main() {
	ages := map[string]int{"ann": 31, "bob": 27}
	ages["cy"] = 45
	ages["bob"]++
	v, ok := ages["dee"]
	fmt.Println(len(ages), ages, v, ok)
	delete(ages, "ann")
	total := 0
	for name, age := range ages {
		total += age + len(name)
	}
	fmt.Println(ages, total)
	byID := make(map[int]*node)
	for i := 0; i < 5000; i++ {
		byID[i] = &node{id: i}
	}
	runtime.GC()
	sum := 0
	for k, n := range byID {
		sum += k - n.id
	}
	fmt.Println(len(byID), sum, byID[4999].id)
	counts := map[rune]int{}
	for _, r := range "hello, world" {
		counts[r]++
	}
	fmt.Println(counts)
	var m map[string]bool
	fmt.Println(m["x"], len(m))
	m["boom"] = true
}
