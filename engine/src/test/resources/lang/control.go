package main

import (
	"fmt"
	"os"
	"runtime"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		fallthrough
	case score >= 70:
		return "B"
	}
	switch s := score / 10; s {
	case 6, 5:
		return "D"
	default:
		return "F"
	}
}

func search(grid [][]int, target int) (int, int) {
	i := 0
outer:
	for i = 0; i < len(grid); i++ {
		for j := range grid[i] {
			if grid[i][j] == target {
				break outer
			}
			if grid[i][j] < 0 {
				continue outer
			}
		}
	}
	if i == len(grid) {
		goto notFound
	}
	return i, 0
notFound:
	return -1, -1
}

func loops() {
	for {
		break
	}
	n := 0
	for n < 10 {
		n++
	}
	for i, j := 0, 10; i < j; i, j = i+1, j-1 {
		n--
	}
	for ; ; n++ {
		if n > 20 {
			break
		}
	}
	for range 3 {
	}
	var k int
	for k = range []string{"a"} {
	}
	_ = k
	{
		scoped := true
		_ = scoped
	}
	;
}

func main() {
	defer fmt.Println("deferred")
	if q, err := safeDiv(1, 0); err != nil {
		fmt.Println(err)
	} else if q > 0 {
		fmt.Println("positive")
	} else {
		os.Exit(1)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println(grade(85), m.HeapAlloc, m.NumGC)
	x, y := search([][]int{{1, 2}, {3, 4}}, 3)
	fmt.Println(x, y)
	loops()
	panic("unreachable?")
}
