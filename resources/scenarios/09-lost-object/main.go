// Lesson 9: the lost-object problem. While the GC marks, the program moves
// the only pointer to an object from the heap onto its own stack, which the
// GC has already scanned. With Go's write barrier the object survives;
// with no barrier the GC frees it while it is still in use.
//
// Goroscope only: real Go has no package viz, and its barrier cannot be
// turned off.
package main

import (
	"fmt"
	"viz"
)

type box struct {
	name string
	next *box
}

// holder is a package variable, so the boxes it leads to live on the heap.
var holder *box

// build makes the chain holder -> mid -> C. Once it returns, no frame
// points into the chain: only the package variable does.
func build() {
	holder = &box{name: "holder"}
	holder.next = &box{name: "mid"}
	holder.next.next = &box{name: "C"}
}

func demo(barrier string) {
	viz.Barrier(barrier)
	build()
	var keep *box // a pointer on main's stack, still nil when the GC scans it

	viz.GCStart()
	// 8 root jobs: dead stacks, globals, then the stacks of main, the four
	// runtime goroutines and the first background mark worker (this first
	// cycle started one per P; any others come last). Main's stack is black,
	// holder is grey (a global points to it), mid and C are white.
	viz.GCStep(8)
	viz.Say("main's stack is scanned (black). C is white, reachable only through mid.")
	viz.Pause()

	keep = holder.next.next // copy the pointer to C onto the black stack: stack writes have no barrier
	holder.next.next = nil  // delete it from the heap: only a barrier that shades the old value saves C
	viz.Say("Now only the black stack points to C. Which colour is C?")
	viz.Pause()

	viz.GCFinish()
	fmt.Println("barrier", barrier+": after the GC, keep points to", keep.name)
}

func main() {
	demo("hybrid") // what Go does: the store shades the old value, C
	demo("none")   // no barrier: C is swept while keep still points to it
}
