// runtime.Stack: the header of the calling goroutine (main's number and each state), every
// function name from the innermost frame out, the created-by lines, all=true listing parked
// goroutines in creation order, and a buffer too small for the text. Other goroutines' numbers
// depend on which P ran the go statement (each P takes numbers in batches of 16), and
// arguments, offsets and paths depend on machine code, so they are left out.
package main

import (
	"fmt"
	"runtime"
	"time"
)

// names prints, for each goroutine in the text, its header (the number only for main), then
// the name of each frame and the created-by line.
func names(text string) {
	line := ""
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			line += string(text[i])
			continue
		}
		switch {
		case line == "" || line[0] == '\t':
		case len(line) > 12 && line[:12] == "goroutine 1 ":
			fmt.Println(line)
		case len(line) > 10 && line[:10] == "goroutine ":
			state := ""
			for j := 0; j < len(line); j++ {
				if line[j] == '[' {
					state = line[j:]
				}
			}
			fmt.Println("goroutine N", state)
		case len(line) > 11 && line[:11] == "created by ":
			fmt.Println(line)
		default:
			name := ""
			for j := 0; j < len(line) && line[j] != '('; j++ {
				name += string(line[j])
			}
			fmt.Println(" ", name)
		}
		line = ""
	}
}

// stack is kept out of line so that the traceback shows it as a frame of its own (inlined, its
// frame would merge into each caller's).
//
//go:noinline
func stack(all bool) string {
	buf := make([]byte, 8192)
	n := runtime.Stack(buf, all)
	return string(buf[:n])
}

func worker(done chan bool) {
	names(stack(false))
	done <- true
}

func receiver(started chan bool, ch chan int) {
	started <- true
	<-ch
}

func nested(depth int, started chan bool, ch chan int) {
	if depth == 0 {
		receiver(started, ch)
		return
	}
	nested(depth-1, started, ch)
}

func sender(started chan bool, ch chan int) {
	started <- true
	ch <- 1
}

func deep(n int, all bool) {
	if n == 0 {
		names(stack(all))
		return
	}
	deep(n-1, all)
}

func main() {
	names(stack(false))
	done := make(chan bool)
	go worker(done)
	<-done

	small := make([]byte, 12)
	n := runtime.Stack(small, false)
	fmt.Printf("%d %q\n", n, small[:n])

	started := make(chan bool)
	in := make(chan int)
	out := make(chan int)
	go nested(2, started, in)
	<-started
	go sender(started, out)
	<-started
	go func() {
		started <- true
		select {}
	}()
	<-started
	time.Sleep(20 * time.Millisecond) // each goroutine parks right after its send
	deep(2, true)
	in <- 1
	<-out
	func() {
		deep(0, false)
	}()
}
