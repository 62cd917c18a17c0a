// An unrecovered panic in a goroutine other than main ends the program: its deferred calls run
// first, and the traceback is that goroutine's.
package main

import (
	"fmt"
	"time"
)

func worker(id int, jobs []int) {
	defer fmt.Println("worker", id, "deferred call runs")
	for i := 0; i <= len(jobs); i++ {
		fmt.Println("job", jobs[i])
	}
}

func main() {
	go worker(1, []int{10, 20})
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
